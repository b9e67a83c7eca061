// Who is logged in and what node this is: read once at start, kept here, and cleared whenever
// core says the session is gone — from any call, anywhere in the app.
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ErrorKind, LoginResult, SessionUserView, SystemStatus } from '../../../electron/core/api/contract';
import { call, hasSessionToken, onSessionLost, setSessionToken } from '../api/client';
import { errorText } from '../api/errors';

export interface Notice {
  text: string;
  /** 'warning' when the user did not ask to leave (expired, disabled), 'info' when they did. */
  tone: 'info' | 'warning';
}

type StartState = { phase: 'loading' } | { phase: 'failed'; message: string } | { phase: 'ready'; status: SystemStatus };

export interface Session {
  start: StartState;
  /** True while a session kept over a window reload is being checked. */
  restoring: boolean;
  status: SystemStatus | null;
  user: SessionUserView | null;
  /** A sentence for the login page: why the user is back there. */
  notice: Notice | null;
  reloadStatus(): Promise<SystemStatus | null>;
  signedIn(result: LoginResult): void;
  setUser(user: SessionUserView): void;
  signOut(notice?: string): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

const LOST_NOTICES: Partial<Record<ErrorKind, string>> = {
  SESSION_EXPIRED: '登录已过期，请重新登录',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  UNAUTHENTICATED: '登录已失效，请重新登录',
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [start, setStart] = useState<StartState>({ phase: 'loading' });
  const [user, setUserState] = useState<SessionUserView | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [restoring, setRestoring] = useState(hasSessionToken);

  const reloadStatus = useCallback(async () => {
    try {
      const status = await call('system.status', {});
      setStart({ phase: 'ready', status });
      return status;
    } catch (err) {
      setStart({ phase: 'failed', message: errorText(err) });
      return null;
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const status = await reloadStatus();
      // A reload of the window keeps the token (sessionStorage): pick the session up again.
      if (cancelled) return;
      if (status?.initialized && hasSessionToken()) {
        try {
          const me = await call('auth.me', {});
          if (!cancelled) setUserState(me);
        } catch {
          // The client has already told onSessionLost, which set the login page's notice.
          setSessionToken(null);
        }
      }
      if (!cancelled) setRestoring(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [reloadStatus]);

  useEffect(
    () =>
      onSessionLost((kind) => {
        setUserState(null);
        setNotice({ text: LOST_NOTICES[kind] ?? '登录已失效，请重新登录', tone: 'warning' });
      }),
    [],
  );

  const value = useMemo<Session>(
    () => ({
      start,
      restoring,
      status: start.phase === 'ready' ? start.status : null,
      user,
      notice,
      reloadStatus,
      signedIn(result) {
        setSessionToken(result.token);
        setNotice(null);
        setUserState(result.user);
      },
      setUser: setUserState,
      async signOut(next) {
        try {
          await call('auth.logout', {});
        } catch {
          // The session may already be gone; either way this window forgets it.
        }
        setSessionToken(null);
        setUserState(null);
        setNotice(next ? { text: next, tone: 'info' } : null);
      },
    }),
    [start, restoring, user, notice, reloadStatus],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Inside the main layout both are present; the layout does not render otherwise. */
export function useSignedIn(): { status: SystemStatus & { node: NonNullable<SystemStatus['node']> }; user: SessionUserView } {
  const { status, user } = useSession();
  if (!status?.node || !user) throw new Error('useSignedIn outside the signed-in layout');
  return { status: { ...status, node: status.node }, user };
}
