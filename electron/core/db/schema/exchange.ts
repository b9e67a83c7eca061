import { sqliteTable, text, integer, blob, index, primaryKey } from 'drizzle-orm/sqlite-core';

// Exchange bookkeeping. Every table here is node-local: it describes this node's view of its
// channels, so it is written beside the registry (w.tx) and never enters the change log.

/** The nodes this node exchanges packages with: its parent and its registered children. */
export const exchangePeers = sqliteTable('exchange_peers', {
  nodeId: text('node_id').primaryKey(),
  relation: text('relation', { enum: ['parent', 'child'] }).notNull(),
  level: text('level', { enum: ['province', 'county', 'township'] }).notNull(),
  regionCode: text('region_code').notNull(),
  name: text('name').notNull(),
  /** The peer's age X25519 recipient (age1…); packages to it are encrypted when known. */
  ageRecipient: text('age_recipient'),
  /** Parent side: SHA-256 of the child's upload token (the token itself is shown once). */
  uploadTokenHash: text('upload_token_hash'),
  /** Child side: where the parent's receiver listens and the token it gave us. */
  receiverUrl: text('receiver_url'),
  uploadToken: text('upload_token'),
  createdAt: text('created_at').notNull(),
});

/** Public signing keys of peers, with their confirmation state; rotation keeps the old ones as retired. */
export const exchangePeerKeys = sqliteTable(
  'exchange_peer_keys',
  {
    nodeId: text('node_id')
      .notNull()
      .references(() => exchangePeers.nodeId, { onDelete: 'cascade' }),
    /** minisign key id, 16 hex digits as minisign prints it. */
    keyId: text('key_id').notNull(),
    /** Raw 32-byte Ed25519 public key, base64. */
    publicKey: text('public_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: ['pending', 'active', 'retired'] }).notNull(),
    /** How we learned it: a registration package, a trust package, typed in, or a signed rotation. */
    source: text('source', { enum: ['registration', 'trust', 'manual', 'rotation'] }).notNull(),
    addedAt: text('added_at').notNull(),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by'),
    retiredAt: text('retired_at'),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.keyId] })],
);

/** Per peer and direction: the last sequence number and package hash on the channel. */
export const exchangeChannels = sqliteTable(
  'exchange_channels',
  {
    peerNodeId: text('peer_node_id').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** in: the last applied sequence; out: the last one assigned to a package we made. */
    lastSeq: integer('last_seq').notNull().default(0),
    lastHash: text('last_hash'),
    /** out only: the highest sequence the peer acknowledged with a receipt. */
    ackedSeq: integer('acked_seq').notNull().default(0),
    /** out only: the change-log sequence the last acknowledged report covered. */
    ackedChangeSeq: integer('acked_change_seq').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.peerNodeId, t.direction] })],
);

/** Packages this node made, kept until sent and acknowledged; the upload state lives here too. */
export const exchangeOutbox = sqliteTable(
  'exchange_outbox',
  {
    packageId: text('package_id').primaryKey(),
    peerNodeId: text('peer_node_id').notNull(),
    kind: text('kind', { enum: ['report', 'directive', 'receipt', 'key', 'trust'] }).notNull(),
    seq: integer('seq').notNull(),
    manifestHash: text('manifest_hash').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** The .fpkg bytes; dropped once the peer acknowledged the package. */
    bytes: blob('bytes', { mode: 'buffer' }),
    /** Counts per table, change range, mode: what the outbox list shows. */
    summary: text('summary', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['ready', 'uploading', 'uploaded', 'acknowledged', 'refused', 'superseded'] }).notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** tus upload URL, so an upload resumes after a restart as well as after a dropped link. */
    uploadUrl: text('upload_url'),
    bytesSent: integer('bytes_sent').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    exportedTo: text('exported_to'),
    exportedAt: text('exported_at'),
    uploadedAt: text('uploaded_at'),
    ackedAt: text('acked_at'),
    receiptPackageId: text('receipt_package_id'),
    /** For receipts: the package this one answers. */
    answersPackageId: text('answers_package_id'),
  },
  // Not unique: a refused package's number is reused by its corrected successor.
  (t) => [index('exchange_outbox_channel_seq').on(t.peerNodeId, t.seq), index('exchange_outbox_status').on(t.status)],
);

/** Every package this node received or tried to, with the result of each check. */
export const exchangeInbox = sqliteTable(
  'exchange_inbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receivedAt: text('received_at').notNull(),
    source: text('source', { enum: ['usb', 'upload', 'fetch', 'file', 'held'] }).notNull(),
    fileName: text('file_name'),
    sizeBytes: integer('size_bytes').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** Known once the manifest parsed; null for packages refused at the format check. */
    packageId: text('package_id'),
    kind: text('kind'),
    senderNodeId: text('sender_node_id'),
    recipientNodeId: text('recipient_node_id'),
    seq: integer('seq'),
    manifestHash: text('manifest_hash'),
    createdAt: text('created_at'),
    status: text('status', { enum: ['applied', 'already-applied', 'held', 'refused', 'pending-confirmation'] }).notNull(),
    errorKind: text('error_kind'),
    errorReason: text('error_reason'),
    message: text('message'),
    /** [{check, ok, message}] in the order they ran. */
    checks: text('checks', { mode: 'json' }).notNull(),
    /** Rows applied per table, or what the package carried. */
    counts: text('counts', { mode: 'json' }),
    /** The .fpkg bytes, kept only while held (a gap) or awaiting key confirmation. */
    bytes: blob('bytes', { mode: 'buffer' }),
    appliedAt: text('applied_at'),
    receiptPackageId: text('receipt_package_id'),
    actor: text('actor').notNull(),
  },
  (t) => [index('exchange_inbox_sender_seq').on(t.senderNodeId, t.seq), index('exchange_inbox_status').on(t.status)],
);

/** Receipts, both the ones we sent and the ones we got back. */
export const exchangeReceipts = sqliteTable(
  'exchange_receipts',
  {
    packageId: text('package_id').primaryKey(),
    direction: text('direction', { enum: ['sent', 'received'] }).notNull(),
    peerNodeId: text('peer_node_id').notNull(),
    /** The package the receipt answers, and its sequence on its channel. */
    forPackageId: text('for_package_id').notNull(),
    forSeq: integer('for_seq').notNull(),
    status: text('status', { enum: ['applied', 'refused'] }).notNull(),
    errorKind: text('error_kind'),
    message: text('message'),
    findings: text('findings', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('exchange_receipts_for').on(t.forPackageId)],
);

/**
 * Review tasks: a parent's request to the owner of a household to check something (a person
 * registered in two counties, a correction). The owner resolves it; the result travels up in
 * its next report.
 */
export const exchangeReviewTasks = sqliteTable(
  'exchange_review_tasks',
  {
    id: text('id').primaryKey(),
    direction: text('direction', { enum: ['sent', 'received'] }).notNull(),
    /** sent: the child it went to; received: the parent it came from. */
    peerNodeId: text('peer_node_id').notNull(),
    packageId: text('package_id'),
    kind: text('kind', { enum: ['duplicate-person', 'correction', 'check'] }).notNull(),
    regionCode: text('region_code').notNull(),
    householdId: text('household_id'),
    personId: text('person_id'),
    title: text('title').notNull(),
    detail: text('detail', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['open', 'forwarded', 'done', 'dismissed'] }).notNull(),
    /** received tasks passed on to the child station that owns the household. */
    forwardedTo: text('forwarded_to'),
    resolution: text('resolution'),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
    /** The report package that carried the resolution up (received tasks only). */
    reportedIn: text('reported_in'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('exchange_review_tasks_status').on(t.direction, t.status), index('exchange_review_tasks_region').on(t.regionCode)],
);
