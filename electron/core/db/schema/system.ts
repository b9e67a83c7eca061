import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The installation itself: one row. */
export const node = sqliteTable('node', {
  id: integer('id').primaryKey(),
  nodeId: text('node_id').notNull(),
  level: text('level', { enum: ['province', 'county', 'township'] }).notNull(),
  regionCode: text('region_code').notNull(),
  name: text('name').notNull(),
  publicKey: text('public_key').notNull(),
  keyId: text('key_id').notNull(),
  parentNodeId: text('parent_node_id'),
  parentPublicKey: text('parent_public_key'),
  createdAt: text('created_at').notNull(),
});

/**
 * The node's Ed25519 private key, wrapped once per administrator (a key slot): AES-256-GCM
 * under a key derived with scrypt from that administrator's password.
 */
export const keySlots = sqliteTable('key_slots', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  salt: text('salt').notNull(),
  iv: text('iv').notNull(),
  tag: text('tag').notNull(),
  ciphertext: text('ciphertext').notNull(),
  params: text('params').notNull(),
  createdAt: text('created_at').notNull(),
});

export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'township', 'village'] }).notNull(),
    parentCode: text('parent_code'),
    urbanRuralClass: text('urban_rural_class'),
    validFrom: integer('valid_from'),
    validTo: integer('valid_to'),
  },
  (t) => [index('regions_parent').on(t.parentCode)],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['admin', 'clerk', 'viewer'] }).notNull(),
    scopeCode: text('scope_code').notNull(),
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    lastLoginAt: text('last_login_at'),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Hash-chained audit trail: each entry holds the hash of the previous one. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  userId: text('user_id'),
  username: text('username').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/**
 * Every row change, numbered; incremental packages carry the rows changed after an acknowledged
 * seq, read from their tables as they are then. Only ever scanned by seq range (its rowid), so it
 * has no other index, and it holds no row copies: appending to it costs a bulk write next to nothing.
 */
export const changeLog = sqliteTable('change_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
  auditSeq: integer('audit_seq').notNull(),
});

/** Small key/value settings (JSON values), e.g. the audit chain head, backup policy. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
