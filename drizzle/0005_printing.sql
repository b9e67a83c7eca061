CREATE TABLE `print_map_images` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`width_px` integer NOT NULL,
	`height_px` integer NOT NULL,
	`byte_length` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `print_marker_positions` (
	`id` text PRIMARY KEY NOT NULL,
	`village_code` text NOT NULL,
	`household_id` text NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_marker_positions_household` ON `print_marker_positions` (`village_code`,`household_id`);--> statement-breakpoint
CREATE INDEX `print_marker_positions_village` ON `print_marker_positions` (`village_code`);--> statement-breakpoint
CREATE TABLE `print_village_maps` (
	`village_code` text PRIMARY KEY NOT NULL,
	`image_sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`image_sha256`) REFERENCES `print_map_images`(`sha256`) ON UPDATE no action ON DELETE no action
);
