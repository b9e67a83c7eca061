DROP INDEX `change_log_row`;--> statement-breakpoint
ALTER TABLE `change_log` DROP COLUMN `row`;