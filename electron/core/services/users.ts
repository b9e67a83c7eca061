import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Station } from '../station';
import { keySlots, sessions, users } from '../db/schema';
import { runWrite, recordEvent, type Actor } from '../db/write-path';
import { AppError } from '../api/errors';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { unwrapSecret, wrapSecret, type NodeSecret } from './key-slots';
import { getRegion } from './regions';
import { readNode } from './node-setup';
import { regionWithin } from '../domain/region-code';
import type { Role } from '../domain/roles';
import type { UserView } from '../api/contract/users';
import type { LoginResult, SessionUserView } from '../api/contract/auth';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
/** A session ends after 30 idle minutes, and after 12 hours however busy. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 12;

type UserRow = typeof users.$inferSelect;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  mustChangePassword: boolean;
  tokenHash: string;
}

export const actorOf = (u: { id: string; username: string }): Actor => ({ userId: u.id, username: u.username });

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const addMinutes = (d: Date, m: number): Date => new Date(d.getTime() + m * 60_000);

// Verifying against a fixed hash for unknown usernames keeps the response time the same, so
// timing does not tell which account names exist.
const DUMMY_HASH = hashPassword('not-a-real-password-0');

export function toUserView(station: Station, row: UserRow): UserView {
  const slot = station.db.select({ userId: keySlots.userId }).from(keySlots).where(eq(keySlots.userId, row.id)).get();
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scopeCode: row.scopeCode,
    scopeName: getRegion(station.db, row.scopeCode)?.name ?? row.scopeCode,
    disabled: row.disabled,
    lockedUntil: row.lockedUntil && row.lockedUntil > station.clock().toISOString() ? row.lockedUntil : null,
    mustChangePassword: row.mustChangePassword,
    hasKeySlot: slot !== undefined,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}

function findUser(station: Station, id: string): UserRow {
  const row = station.db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '账号不存在');
  return row;
}

function assertScopeInsideNode(station: Station, scopeCode: string): void {
  const nodeRow = readNode(station);
  if (!getRegion(station.db, scopeCode)) throw new AppError('INVALID_INPUT', `管辖范围：区划代码 ${scopeCode} 不存在`);
  if (!regionWithin(nodeRow.regionCode, scopeCode)) {
    throw new AppError('SCOPE_DENIED', '管辖范围必须在本节点的行政区划之内');
  }
}

function assertPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('INVALID_INPUT', `密码：${problem}`);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  password: string;
}

/**
 * Creates an account. A new administrator gets a key slot wrapped with their own password when
 * the creating administrator's session holds the unlocked node key.
 */
export function createUser(station: Station, actor: Actor, input: NewUser, creatorSecret?: NodeSecret | null): UserView {
  assertPassword(input.password);
  assertScopeInsideNode(station, input.scopeCode);
  const exists = station.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get();
  if (exists) throw new AppError('CONFLICT', `用户名「${input.username}」已被使用`);
  const now = station.clock().toISOString();
  const row = runWrite(
    station.db,
    actor,
    { action: 'user.create', entity: 'user' },
    (w) => {
      const created = w.insert(users, {
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        scopeCode: input.scopeCode,
        passwordHash: hashPassword(input.password),
        createdAt: now,
        mustChangePassword: false,
      });
      if (input.role === 'admin' && creatorSecret) {
        w.insert(keySlots, { userId: created.id, ...wrapSecret(creatorSecret, input.password), createdAt: now });
      }
      return created;
    },
    station.clock(),
  );
  return toUserView(station, row);
}

export function listUsers(station: Station): UserView[] {
  return station.db.select().from(users).orderBy(users.username).all().map((r) => toUserView(station, r));
}

export function updateUser(
  station: Station,
  actor: Actor,
  input: { id: string; displayName?: string; role?: Role; scopeCode?: string; disabled?: boolean },
): UserView {
  const current = findUser(station, input.id);
  if (input.scopeCode) assertScopeInsideNode(station, input.scopeCode);
  if (actor.userId === input.id && (input.disabled === true || (input.role && input.role !== 'admin'))) {
    throw new AppError('CONFLICT', '不能停用自己的账号或取消自己的管理员角色');
  }
  const losingAdmin = current.role === 'admin' && ((input.role && input.role !== 'admin') || input.disabled === true);
  if (losingAdmin && activeAdminCount(station) <= 1) {
    throw new AppError('CONFLICT', '至少要保留一个可用的管理员账号');
  }
  const patch: Partial<UserRow> = {};
  if (input.displayName !== undefined) patch.displayName = input.displayName;
  if (input.role !== undefined) patch.role = input.role;
  if (input.scopeCode !== undefined) patch.scopeCode = input.scopeCode;
  if (input.disabled !== undefined) patch.disabled = input.disabled;
  const row = runWrite(
    station.db,
    actor,
    { action: 'user.update', entity: 'user', entityId: input.id },
    (w) => {
      const updated = w.update(users, input.id, patch);
      // A demoted administrator must no longer be able to unlock the signing key. A promoted one
      // gets a slot only when an administrator next resets their password (we never hold theirs).
      if (updated.role !== 'admin') w.remove(keySlots, input.id);
      return updated;
    },
    station.clock(),
  );
  if (row.disabled || row.role !== current.role || row.scopeCode !== current.scopeCode) endSessionsOf(station, row.id);
  return toUserView(station, row);
}

function activeAdminCount(station: Station): number {
  return station.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .all().length;
}

/**
 * An administrator sets a new password for someone else. The user must change it at next login.
 * Their key slot cannot be rewrapped without the old password, so an administrator's slot is
 * rewrapped from the acting administrator's unlocked key when there is one, and dropped otherwise.
 */
export function resetPassword(station: Station, actor: Actor, id: string, password: string, actorSecret?: NodeSecret | null): UserView {
  assertPassword(password);
  const current = findUser(station, id);
  const now = station.clock().toISOString();
  const row = runWrite(
    station.db,
    actor,
    { action: 'user.resetPassword', entity: 'user', entityId: id },
    (w) => {
      const updated = w.update(users, id, { passwordHash: hashPassword(password), mustChangePassword: true, failedLogins: 0, lockedUntil: null });
      w.remove(keySlots, id);
      if (current.role === 'admin' && actorSecret) {
        w.insert(keySlots, { userId: id, ...wrapSecret(actorSecret, password), createdAt: now });
      }
      return updated;
    },
    station.clock(),
  );
  endSessionsOf(station, id);
  return toUserView(station, row);
}

export function unlockUser(station: Station, actor: Actor, id: string): UserView {
  findUser(station, id);
  const row = runWrite(
    station.db,
    actor,
    { action: 'user.unlock', entity: 'user', entityId: id },
    (w) => w.update(users, id, { failedLogins: 0, lockedUntil: null }),
    station.clock(),
  );
  return toUserView(station, row);
}

export function changeOwnPassword(station: Station, session: SessionUser, oldPassword: string, newPassword: string): void {
  const row = findUser(station, session.id);
  if (!verifyPassword(oldPassword, row.passwordHash)) throw new AppError('BAD_CREDENTIALS', '原密码不正确');
  assertPassword(newPassword);
  if (oldPassword === newPassword) throw new AppError('INVALID_INPUT', '新密码不能与原密码相同');
  const slot = station.db.select().from(keySlots).where(eq(keySlots.userId, row.id)).get();
  const secret = slot ? unwrapSecret(slot, oldPassword) : null;
  const now = station.clock().toISOString();
  runWrite(
    station.db,
    actorOf(row),
    { action: 'user.changePassword', entity: 'user', entityId: row.id },
    (w) => {
      w.update(users, row.id, { passwordHash: hashPassword(newPassword), mustChangePassword: false });
      if (secret) {
        w.remove(keySlots, row.id);
        w.insert(keySlots, { userId: row.id, ...wrapSecret(secret, newPassword), createdAt: now });
      }
    },
    station.clock(),
  );
}

function viewSession(station: Station, u: SessionUser): SessionUserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopeCode: u.scopeCode,
    scopeName: getRegion(station.db, u.scopeCode)?.name ?? u.scopeCode,
    mustChangePassword: u.mustChangePassword,
    keyUnlocked: station.keyring.has(u.tokenHash),
  };
}

export function sessionUserView(station: Station, u: SessionUser): SessionUserView {
  return viewSession(station, u);
}

const BAD_LOGIN = '用户名或密码错误';

/**
 * Five wrong passwords in a row lock the account for 15 minutes. The lock is checked before the
 * password, so a locked account cannot be used to test guesses.
 */
export function login(station: Station, username: string, password: string): LoginResult {
  const now = station.clock();
  const row = station.db.select().from(users).where(eq(users.username, username)).get();
  if (!row) {
    verifyPassword(password, DUMMY_HASH);
    recordEvent(station.db, { userId: null, username: '(未知)' }, { action: 'auth.loginFailed', entity: 'user' }, { reason: 'unknown-user' }, now);
    throw new AppError('BAD_CREDENTIALS', BAD_LOGIN);
  }
  if (row.lockedUntil && row.lockedUntil > now.toISOString()) {
    const minutes = Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', `账号因连续 ${LOCKOUT_THRESHOLD} 次密码错误已锁定，请 ${minutes} 分钟后再试，或请管理员解锁`);
  }
  if (row.disabled) throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系管理员');
  if (!verifyPassword(password, row.passwordHash)) {
    const failures = row.failedLogins + 1;
    const locks = failures >= LOCKOUT_THRESHOLD;
    runWrite(
      station.db,
      actorOf(row),
      { action: locks ? 'auth.locked' : 'auth.loginFailed', entity: 'user', entityId: row.id },
      (w) => w.update(users, row.id, { failedLogins: locks ? 0 : failures, lockedUntil: locks ? addMinutes(now, LOCKOUT_MINUTES).toISOString() : null }),
      now,
    );
    if (locks) throw new AppError('ACCOUNT_LOCKED', `连续 ${LOCKOUT_THRESHOLD} 次密码错误，账号已锁定 ${LOCKOUT_MINUTES} 分钟`);
    throw new AppError('BAD_CREDENTIALS', `${BAD_LOGIN}（再错 ${LOCKOUT_THRESHOLD - failures} 次将锁定 ${LOCKOUT_MINUTES} 分钟）`);
  }
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const expiresAt = addMinutes(now, SESSION_IDLE_MINUTES).toISOString();
  runWrite(
    station.db,
    actorOf(row),
    { action: 'auth.login', entity: 'user', entityId: row.id },
    (w) => {
      w.update(users, row.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() });
      w.insert(sessions, { tokenHash, userId: row.id, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt });
    },
    now,
  );
  if (row.role === 'admin') {
    const slot = station.db.select().from(keySlots).where(eq(keySlots.userId, row.id)).get();
    const secret = slot ? unwrapSecret(slot, password) : null;
    if (secret) station.keyring.set(tokenHash, secret);
  }
  const session: SessionUser = {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scopeCode: row.scopeCode,
    mustChangePassword: row.mustChangePassword,
    tokenHash,
  };
  return { token, expiresAt, user: viewSession(station, session) };
}

/**
 * Looks a session up and slides its idle deadline. Sessions are plain rows (not JWTs) so that
 * disabling an account or a restart ends them at once.
 */
export function resolveSession(station: Station, token: string): SessionUser {
  const now = station.clock();
  const tokenHash = hashToken(token);
  const row = station.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).get();
  if (!row) throw new AppError('UNAUTHENTICATED', '请先登录');
  const hardLimit = addMinutes(new Date(row.createdAt), SESSION_MAX_HOURS * 60).toISOString();
  if (row.expiresAt <= now.toISOString() || hardLimit <= now.toISOString()) {
    station.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    station.keyring.delete(tokenHash);
    throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
  }
  const user = findUser(station, row.userId);
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系管理员');
  const nextExpiry = addMinutes(now, SESSION_IDLE_MINUTES).toISOString();
  station.db
    .update(sessions)
    .set({ lastSeenAt: now.toISOString(), expiresAt: nextExpiry < hardLimit ? nextExpiry : hardLimit })
    .where(eq(sessions.tokenHash, tokenHash))
    .run();
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeCode: user.scopeCode,
    mustChangePassword: user.mustChangePassword,
    tokenHash,
  };
}

export function logout(station: Station, session: SessionUser): void {
  station.db.delete(sessions).where(eq(sessions.tokenHash, session.tokenHash)).run();
  station.keyring.delete(session.tokenHash);
  recordEvent(station.db, actorOf(session), { action: 'auth.logout', entity: 'user', entityId: session.id }, null, station.clock());
}

function endSessionsOf(station: Station, userId: string): void {
  const rows = station.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId)).all();
  for (const r of rows) station.keyring.delete(r.tokenHash);
  station.db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Housekeeping at start: expired session rows are of no use to anyone. */
export function purgeExpiredSessions(station: Station): number {
  return station.db.delete(sessions).where(lt(sessions.expiresAt, station.clock().toISOString())).run().changes;
}
