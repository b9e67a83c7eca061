CREATE TABLE `exit_cohorts` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exit_cohorts_year_region` ON `exit_cohorts` (`year`,`region_code`);--> statement-breakpoint
CREATE TABLE `monitoring_objects` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`region_code` text NOT NULL,
	`object_type` text NOT NULL,
	`risks` text NOT NULL,
	`source` text NOT NULL,
	`reported_date` text NOT NULL,
	`included_date` text,
	`eliminated_date` text,
	`elimination_method` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monitoring_objects_household` ON `monitoring_objects` (`household_id`);--> statement-breakpoint
CREATE INDEX `monitoring_objects_region` ON `monitoring_objects` (`region_code`);--> statement-breakpoint
CREATE TABLE `workflow_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`household_id` text NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`cohort_id` text,
	`monitoring_id` text,
	`data` text NOT NULL,
	`outcome` text DEFAULT 'open' NOT NULL,
	`current_stage` text,
	`withdrawn_reason` text,
	`opened_by` text NOT NULL,
	`opened_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cohort_id`) REFERENCES `exit_cohorts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`monitoring_id`) REFERENCES `monitoring_objects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workflow_cases_household` ON `workflow_cases` (`household_id`);--> statement-breakpoint
CREATE INDEX `workflow_cases_list` ON `workflow_cases` (`kind`,`outcome`,`region_code`);--> statement-breakpoint
CREATE INDEX `workflow_cases_cohort` ON `workflow_cases` (`cohort_id`);--> statement-breakpoint
CREATE INDEX `workflow_cases_monitoring` ON `workflow_cases` (`monitoring_id`);--> statement-breakpoint
CREATE TABLE `workflow_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`round` integer NOT NULL,
	`level` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `workflow_cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workflow_notices_case` ON `workflow_notices` (`case_id`);--> statement-breakpoint
CREATE TABLE `workflow_objections` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`notice_id` text NOT NULL,
	`received_date` text NOT NULL,
	`channel` text NOT NULL,
	`complainant` text NOT NULL,
	`content` text NOT NULL,
	`concerns_stage` text NOT NULL,
	`resolution` text,
	`resolved_date` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `workflow_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notice_id`) REFERENCES `workflow_notices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workflow_objections_case` ON `workflow_objections` (`case_id`);--> statement-breakpoint
CREATE TABLE `workflow_params` (
	`year` integer PRIMARY KEY NOT NULL,
	`params` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `workflow_signoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`level` text NOT NULL,
	`role` text NOT NULL,
	`role_label` text NOT NULL,
	`signer_name` text NOT NULL,
	`date` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `workflow_cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflow_signoffs_role` ON `workflow_signoffs` (`case_id`,`level`,`role`);--> statement-breakpoint
CREATE TABLE `workflow_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	`stage` text NOT NULL,
	`action` text NOT NULL,
	`outcome` text,
	`date` text NOT NULL,
	`data` text,
	`summary` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `workflow_cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflow_steps_case_seq` ON `workflow_steps` (`case_id`,`seq`);--> statement-breakpoint
CREATE TABLE `year_close_statuses` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`household_id` text NOT NULL,
	`region_code` text NOT NULL,
	`status` text NOT NULL,
	`returned` integer DEFAULT false NOT NULL,
	`persons` integer NOT NULL,
	`monitoring_type` text,
	FOREIGN KEY (`year`) REFERENCES `year_closes`(`year`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `year_close_statuses_year_region` ON `year_close_statuses` (`year`,`region_code`);--> statement-breakpoint
CREATE TABLE `year_closes` (
	`year` integer PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`figures` text NOT NULL,
	`household_count` integer NOT NULL,
	`closed_by` text NOT NULL,
	`closed_at` text NOT NULL
);
