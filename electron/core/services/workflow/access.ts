// Who may record what. The router already checked the role's access and the region scope; what
// is left depends on the step: the county's decisions (审定, 公告, 销号, county and city
// signatures) are recorded only by an administrator at a county node.
import type { Station } from '../../station';
import type { Actor } from '../../db/write-path';
import type { Role } from '../../domain/roles';
import { node } from '../../db/schema';
import { AppError } from '../../api/errors';
import type { SessionUser } from '../users';
import { isoDay } from '../../domain/workflow/dates';

export interface WorkflowActor {
  actor: Actor;
  role: Role;
  scopeCode: string;
}

export const workflowActorOf = (u: SessionUser): WorkflowActor => ({ actor: { userId: u.id, username: u.username }, role: u.role, scopeCode: u.scopeCode });

export function nodeLevel(station: Station): 'province' | 'county' | 'township' | null {
  return station.db.select({ level: node.level }).from(node).get()?.level ?? null;
}

/** May this caller record a step of this authority? */
export function mayRecord(station: Station, who: WorkflowActor, authority: 'station' | 'county'): boolean {
  if (who.role === 'viewer') return false;
  if (authority === 'station') return true;
  return who.role === 'admin' && nodeLevel(station) === 'county';
}

export function requireAuthority(station: Station, who: WorkflowActor, authority: 'station' | 'county', what: string): void {
  if (mayRecord(station, who, authority)) return;
  if (who.role === 'viewer') throw new AppError('FORBIDDEN', '查看员不能办理流程');
  if (nodeLevel(station) !== 'county') throw new AppError('FORBIDDEN', `「${what}」须由县扶贫办在县级工作站办理`);
  throw new AppError('FORBIDDEN', `「${what}」须由县级管理员办理`);
}

export const todayOf = (station: Station): string => isoDay(station.clock());

export function requireNotFuture(station: Station, date: string, label: string): void {
  if (date > todayOf(station)) throw new AppError('INVALID_INPUT', `${label}（${date}）不能晚于今天`);
}
