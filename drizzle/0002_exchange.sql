CREATE TABLE `exchange_channels` (
	`peer_node_id` text NOT NULL,
	`direction` text NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`last_hash` text,
	`acked_seq` integer DEFAULT 0 NOT NULL,
	`acked_change_seq` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`peer_node_id`, `direction`)
);
--> statement-breakpoint
CREATE TABLE `exchange_inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` text NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`size_bytes` integer NOT NULL,
	`file_sha256` text NOT NULL,
	`package_id` text,
	`kind` text,
	`sender_node_id` text,
	`recipient_node_id` text,
	`seq` integer,
	`manifest_hash` text,
	`created_at` text,
	`status` text NOT NULL,
	`error_kind` text,
	`error_reason` text,
	`message` text,
	`checks` text NOT NULL,
	`counts` text,
	`bytes` blob,
	`applied_at` text,
	`receipt_package_id` text,
	`actor` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_inbox_sender_seq` ON `exchange_inbox` (`sender_node_id`,`seq`);--> statement-breakpoint
CREATE INDEX `exchange_inbox_status` ON `exchange_inbox` (`status`);--> statement-breakpoint
CREATE TABLE `exchange_outbox` (
	`package_id` text PRIMARY KEY NOT NULL,
	`peer_node_id` text NOT NULL,
	`kind` text NOT NULL,
	`seq` integer NOT NULL,
	`manifest_hash` text NOT NULL,
	`file_name` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`bytes` blob,
	`summary` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`upload_url` text,
	`bytes_sent` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`exported_to` text,
	`exported_at` text,
	`uploaded_at` text,
	`acked_at` text,
	`receipt_package_id` text,
	`answers_package_id` text
);
--> statement-breakpoint
CREATE INDEX `exchange_outbox_channel_seq` ON `exchange_outbox` (`peer_node_id`,`seq`);--> statement-breakpoint
CREATE INDEX `exchange_outbox_status` ON `exchange_outbox` (`status`);--> statement-breakpoint
CREATE TABLE `exchange_peer_keys` (
	`node_id` text NOT NULL,
	`key_id` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`added_at` text NOT NULL,
	`confirmed_at` text,
	`confirmed_by` text,
	`retired_at` text,
	PRIMARY KEY(`node_id`, `key_id`),
	FOREIGN KEY (`node_id`) REFERENCES `exchange_peers`(`node_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exchange_peers` (
	`node_id` text PRIMARY KEY NOT NULL,
	`relation` text NOT NULL,
	`level` text NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`age_recipient` text,
	`upload_token_hash` text,
	`receiver_url` text,
	`upload_token` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `exchange_receipts` (
	`package_id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`peer_node_id` text NOT NULL,
	`for_package_id` text NOT NULL,
	`for_seq` integer NOT NULL,
	`status` text NOT NULL,
	`error_kind` text,
	`message` text,
	`findings` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_receipts_for` ON `exchange_receipts` (`for_package_id`);--> statement-breakpoint
CREATE TABLE `exchange_review_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`peer_node_id` text NOT NULL,
	`package_id` text,
	`kind` text NOT NULL,
	`region_code` text NOT NULL,
	`household_id` text,
	`person_id` text,
	`title` text NOT NULL,
	`detail` text NOT NULL,
	`status` text NOT NULL,
	`forwarded_to` text,
	`resolution` text,
	`resolved_at` text,
	`resolved_by` text,
	`reported_in` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_review_tasks_status` ON `exchange_review_tasks` (`direction`,`status`);--> statement-breakpoint
CREATE INDEX `exchange_review_tasks_region` ON `exchange_review_tasks` (`region_code`);