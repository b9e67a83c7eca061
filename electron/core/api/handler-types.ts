import type { Station } from '../station';
import type { SessionUser } from '../services/users';
import type { NodeSecret } from '../services/key-slots';
import type { AnyMethod, OutputOf, ParsedInputOf } from './define';

export interface HandlerContext {
  station: Station;
  /** Null only for public methods called without a session. */
  session: SessionUser | null;
}

/** The logged-in caller; the router guarantees it for every non-public method. */
export function sessionOf(ctx: HandlerContext): SessionUser {
  if (!ctx.session) throw new Error('handler needs a session but the router gave none');
  return ctx.session;
}

export function secretOf(ctx: HandlerContext): NodeSecret | null {
  return ctx.session ? (ctx.station.keyring.get(ctx.session.tokenHash) ?? null) : null;
}

/** One typed handler per method of a contract area. */
export type HandlersFor<C extends Record<string, AnyMethod>> = {
  [M in keyof C]: (ctx: HandlerContext, input: ParsedInputOf<C[M]>) => OutputOf<C[M]> | Promise<OutputOf<C[M]>>;
};
