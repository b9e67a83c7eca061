CREATE TABLE `assistance_cadres` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`unit_id` text NOT NULL,
	`name` text NOT NULL,
	`sex` text,
	`id_number` text NOT NULL,
	`phone` text NOT NULL,
	`position` text,
	`political_status` text,
	`rank` text NOT NULL,
	`education` text,
	`speciality` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `assistance_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assistance_cadres_id_number` ON `assistance_cadres` (`id_number`);--> statement-breakpoint
CREATE INDEX `assistance_cadres_unit` ON `assistance_cadres` (`unit_id`);--> statement-breakpoint
CREATE INDEX `assistance_cadres_region` ON `assistance_cadres` (`region_code`);--> statement-breakpoint
CREATE TABLE `assistance_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`cadre_id` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`content` text NOT NULL,
	`problem_solved` text,
	`head_signed` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cadre_id`) REFERENCES `assistance_cadres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assistance_ledger_household` ON `assistance_ledger` (`household_id`,`date`);--> statement-breakpoint
CREATE INDEX `assistance_ledger_cadre` ON `assistance_ledger` (`cadre_id`,`date`);--> statement-breakpoint
CREATE TABLE `assistance_measures` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`year` integer NOT NULL,
	`category` text NOT NULL,
	`project_name` text NOT NULL,
	`fund_source` text,
	`amount` real,
	`start_date` text,
	`end_date` text,
	`benefit` text,
	`benefit_amount` real,
	`responsible_unit_id` text,
	`responsible_cadre_id` text,
	`status` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_unit_id`) REFERENCES `assistance_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_cadre_id`) REFERENCES `assistance_cadres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assistance_measures_household` ON `assistance_measures` (`household_id`,`year`);--> statement-breakpoint
CREATE INDEX `assistance_measures_cadre` ON `assistance_measures` (`responsible_cadre_id`);--> statement-breakpoint
CREATE TABLE `assistance_pairings` (
	`id` text PRIMARY KEY NOT NULL,
	`cadre_id` text NOT NULL,
	`household_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`end_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`cadre_id`) REFERENCES `assistance_cadres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assistance_pairings_household` ON `assistance_pairings` (`household_id`,`to_date`);--> statement-breakpoint
CREATE INDEX `assistance_pairings_cadre` ON `assistance_pairings` (`cadre_id`,`to_date`);--> statement-breakpoint
CREATE TABLE `assistance_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`year` integer NOT NULL,
	`planned_exit_year` integer,
	`period` text,
	`goal` text,
	`indicators` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assistance_plans_household_year` ON `assistance_plans` (`household_id`,`year`);--> statement-breakpoint
CREATE TABLE `assistance_team_members` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`cadre_id` text NOT NULL,
	`role` text NOT NULL,
	`is_first_secretary` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`days_in_village` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `assistance_teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cadre_id`) REFERENCES `assistance_cadres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assistance_team_members_team` ON `assistance_team_members` (`team_id`);--> statement-breakpoint
CREATE INDEX `assistance_team_members_cadre` ON `assistance_team_members` (`cadre_id`);--> statement-breakpoint
CREATE TABLE `assistance_teams` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`unit_id` text,
	`from_date` text NOT NULL,
	`to_date` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `assistance_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assistance_teams_region` ON `assistance_teams` (`region_code`,`from_date`);--> statement-breakpoint
CREATE TABLE `assistance_unit_villages` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`region_code` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	FOREIGN KEY (`unit_id`) REFERENCES `assistance_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assistance_unit_villages_unit` ON `assistance_unit_villages` (`unit_id`);--> statement-breakpoint
CREATE INDEX `assistance_unit_villages_region` ON `assistance_unit_villages` (`region_code`);--> statement-breakpoint
CREATE TABLE `assistance_units` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`affiliation` text NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assistance_units_name` ON `assistance_units` (`name`);--> statement-breakpoint
CREATE INDEX `assistance_units_region` ON `assistance_units` (`region_code`);