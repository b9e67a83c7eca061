import { z } from 'zod';
import { contract, type MethodName, type Output } from './contract';
import type { AnyMethod, ScopedEntity } from './define';
import { AppError, toApiError, type Result } from './errors';
import type { HandlerContext } from './handler-types';
import { handlers } from './handlers';
import { resolveSession, type SessionUser } from '../services/users';
import { isInitialized, type Station } from '../station';
import { roleMay } from '../domain/roles';
import { regionWithin } from '../domain/region-code';
import { scopeResolvers } from './scope-resolvers';
import { logError } from '../log';
import { node as nodeTable } from '../db/schema';

z.config(z.locales.zhCN());

export interface Call {
  method: string;
  input: unknown;
  /** The session token from auth.login; absent for public methods. */
  token?: string | null;
  /**
   * In-process callers only (the command line, run by whoever holds the database file): act as
   * the node's operator with the administrator role over the node's whole region. No door that
   * takes input from outside the process can set this.
   */
  operator?: boolean;
}

// Before the node exists only these can run; after it exists, setup is refused by the service.
const BEFORE_SETUP = new Set<string>(['system.status', 'system.setup', 'regions.children']);
// A user who must change their password may do only this until they have.
const WHILE_PASSWORD_EXPIRED = new Set<string>(['auth.changePassword', 'auth.me', 'auth.logout', 'system.status']);

const isMethod = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(contract, name);

/**
 * The single gate every door goes through: validate input, check the session, the role and the
 * region scope, then run the handler. The UI hides what a user may not do, but this is where it
 * is enforced — a clerk calling the API by hand gets the same answer.
 */
export async function dispatch<M extends MethodName>(station: Station, call: Call & { method: M }): Promise<Result<Output<M>>>;
export async function dispatch(station: Station, call: Call): Promise<Result<unknown>>;
export async function dispatch(station: Station, call: Call): Promise<Result<unknown>> {
  try {
    if (!isMethod(call.method)) throw new AppError('INVALID_INPUT', `未知的接口「${String(call.method).slice(0, 60)}」`);
    const spec = contract[call.method] as AnyMethod;
    if (!BEFORE_SETUP.has(call.method) && !isInitialized(station)) {
      throw new AppError('NOT_INITIALIZED', '工作站尚未初始化，请先完成首次设置');
    }
    const parsed = spec.input.safeParse(call.input ?? {});
    if (!parsed.success) throw inputError(spec, parsed.error);
    const session = call.operator
      ? operatorSession(station)
      : spec.access === 'public'
        ? optionalSession(station, call.token)
        : requireSession(station, call.token);
    if (spec.access !== 'public') {
      if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
      if (!roleMay(session.role, spec.access)) throw new AppError('FORBIDDEN', '当前账号的角色无权执行此操作');
      if (session.mustChangePassword && !WHILE_PASSWORD_EXPIRED.has(call.method)) {
        throw new AppError('FORBIDDEN', '管理员已重置您的密码，请先修改密码');
      }
      checkScope(station, session, spec, parsed.data);
    }
    const ctx: HandlerContext = { station, session };
    const handler = handlers[call.method] as (ctx: HandlerContext, input: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (!(err instanceof AppError)) logError(`api ${String(call.method).slice(0, 60)}`, err);
    return { ok: false, error: toApiError(err) };
  }
}

function operatorSession(station: Station): SessionUser | null {
  const node = station.db.select().from(nodeTable).get();
  if (!node) return null;
  return {
    id: 'operator:cli',
    username: 'cli',
    displayName: '命令行操作员',
    role: 'admin',
    scopeCode: node.regionCode,
    mustChangePassword: false,
    tokenHash: 'operator',
  };
}

function optionalSession(station: Station, token: string | null | undefined): SessionUser | null {
  if (!token) return null;
  try {
    return resolveSession(station, token);
  } catch {
    return null;
  }
}

function requireSession(station: Station, token: string | null | undefined): SessionUser {
  if (!token) throw new AppError('UNAUTHENTICATED', '请先登录');
  return resolveSession(station, token);
}

function checkScope(station: Station, session: SessionUser, spec: AnyMethod, input: unknown): void {
  if (spec.scope === 'none') return;
  const checks = Array.isArray(spec.scope) ? spec.scope : [spec.scope];
  for (const check of checks) {
    let target: string | null | undefined;
    if ('input' in check) {
      target = check.input(input as never); // null/undefined: the service narrows to the caller's scope
    } else {
      const id = check.id(input as never);
      target = id === null ? null : resolveEntityRegion(station, check.entity, id);
    }
    if (target && !regionWithin(session.scopeCode, target)) {
      throw new AppError('SCOPE_DENIED', '所访问的数据不在您的管辖范围内');
    }
  }
}

function resolveEntityRegion(station: Station, entity: ScopedEntity, id: string): string {
  const resolver = scopeResolvers[entity];
  const region = resolver?.(station, id);
  if (!region) throw new AppError('NOT_FOUND', '记录不存在或已删除');
  return region;
}

/** Names the field by its Chinese label: 「用户名」：… rather than zod's path notation. */
function inputError(spec: AnyMethod, error: z.ZodError): AppError {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const label = labelAt(spec.input, issue.path);
    return label ? `「${label}」：${issue.message}` : issue.message;
  });
  return new AppError('INVALID_INPUT', `输入有误：${lines.join('；')}`, {
    fields: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}

function labelAt(schema: z.ZodType, path: PropertyKey[]): string | null {
  let current: z.ZodType | undefined = schema;
  let label: string | null = null;
  for (const key of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject && typeof key === 'string') current = current.shape[key] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else current = undefined;
    if (!current) break;
    label = current.description ?? unwrap(current).description ?? (typeof key === 'string' ? key : label);
  }
  return label;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}
