CREATE TABLE `benefits` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`person_id` text,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`amount` real,
	`start_date` text,
	`end_date` text,
	`detail` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `benefits_household` ON `benefits` (`household_id`);--> statement-breakpoint
CREATE TABLE `code_overrides` (
	`field` text NOT NULL,
	`version` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`retired` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `code_overrides_key` ON `code_overrides` (`field`,`version`,`code`);--> statement-breakpoint
CREATE TABLE `conditions` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`year` integer NOT NULL,
	`record` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conditions_household_year` ON `conditions` (`household_id`,`year`);--> statement-breakpoint
CREATE TABLE `household_events` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`type` text NOT NULL,
	`date` text NOT NULL,
	`year` integer NOT NULL,
	`detail` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `household_events_household` ON `household_events` (`household_id`,`date`);--> statement-breakpoint
CREATE INDEX `household_events_type` ON `household_events` (`type`,`year`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`record` text NOT NULL,
	`head_name` text GENERATED ALWAYS AS (json_extract(record, '$.headName')) VIRTUAL,
	`head_id_number` text GENERATED ALWAYS AS (json_extract(record, '$.headIdNumber')) VIRTUAL,
	`household_number` text GENERATED ALWAYS AS (json_extract(record, '$.householdNumber')) VIRTUAL,
	`group_name` text GENERATED ALWAYS AS (json_extract(record, '$.groupName')) VIRTUAL,
	`attribute` text GENERATED ALWAYS AS (json_extract(record, '$.attribute')) VIRTUAL,
	`main_cause` text GENERATED ALWAYS AS (json_extract(record, '$.mainCause')) VIRTUAL,
	`exit_status` text GENERATED ALWAYS AS (json_extract(record, '$.exitStatus')) VIRTUAL,
	`data_year` integer GENERATED ALWAYS AS (json_extract(record, '$.dataYear')) VIRTUAL,
	`name_initials` text DEFAULT '' NOT NULL,
	`member_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`warning_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `households_region` ON `households` (`region_code`);--> statement-breakpoint
CREATE INDEX `households_head_name` ON `households` (`head_name`);--> statement-breakpoint
CREATE INDEX `households_head_id` ON `households` (`head_id_number`);--> statement-breakpoint
CREATE INDEX `households_number` ON `households` (`household_number`);--> statement-breakpoint
CREATE INDEX `households_initials` ON `households` (`name_initials`);--> statement-breakpoint
CREATE TABLE `incomes` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`year` integer NOT NULL,
	`record` text NOT NULL,
	`per_capita_net_fen` integer,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incomes_household_year` ON `incomes` (`household_id`,`year`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`person_id` text NOT NULL,
	`relationship` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`join_reason` text,
	`leave_reason` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_household` ON `memberships` (`household_id`,`to_date`);--> statement-breakpoint
CREATE INDEX `memberships_person` ON `memberships` (`person_id`,`to_date`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`record` text NOT NULL,
	`name` text GENERATED ALWAYS AS (json_extract(record, '$.name')) VIRTUAL,
	`id_number` text GENERATED ALWAYS AS (json_extract(record, '$.idNumber')) VIRTUAL,
	`birth_date` text GENERATED ALWAYS AS (json_extract(record, '$.birthDate')) VIRTUAL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `persons_id_number` ON `persons` (`id_number`);--> statement-breakpoint
CREATE INDEX `persons_name_birth` ON `persons` (`name`,`birth_date`);--> statement-breakpoint
CREATE TABLE `quality_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` text NOT NULL,
	`region_code` text NOT NULL,
	`rule_code` text NOT NULL,
	`severity` text NOT NULL,
	`entity` text NOT NULL,
	`person_id` text,
	`field` text,
	`message` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quality_findings_household` ON `quality_findings` (`household_id`);--> statement-breakpoint
CREATE INDEX `quality_findings_rule` ON `quality_findings` (`rule_code`,`region_code`);--> statement-breakpoint
CREATE TABLE `village_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `village_groups_name` ON `village_groups` (`region_code`,`name`);--> statement-breakpoint
CREATE TABLE `villages` (
	`region_code` text PRIMARY KEY NOT NULL,
	`record` text NOT NULL,
	`attribute` text GENERATED ALWAYS AS (json_extract(record, '$.attribute')) VIRTUAL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `year_params` (
	`year` integer PRIMARY KEY NOT NULL,
	`params` text NOT NULL,
	`updated_at` text NOT NULL
);
