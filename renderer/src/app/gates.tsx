import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useSession } from './session';

/** Nothing renders until the station has said whether it is set up (and who is logged in). */
export function StartGate({ children }: { children: ReactNode }) {
  const { start, restoring, reloadStatus } = useSession();
  const location = useLocation();
  if (start.phase === 'loading' || (start.phase === 'ready' && restoring)) {
    return (
      <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" description="正在连接工作站…" />
      </div>
    );
  }
  if (start.phase === 'failed') {
    return (
      <Result
        status="error"
        title="无法连接工作站服务"
        subTitle={start.message}
        extra={
          <Button type="primary" onClick={() => void reloadStatus()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!start.status.initialized && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <>{children}</>;
}

export function RequireNotInitialized({ children }: { children: ReactNode }) {
  const { status } = useSession();
  // The setup page keeps itself on screen after success to show the fingerprint; it reloads
  // the status only when the user moves on to login.
  if (status?.initialized) return <Navigate to="/login" replace />;
  return <>{children}</>;
}

export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { user } = useSession();
  // A user who must change their password stays on the login page's forced dialog.
  if (!user || user.mustChangePassword) return <Navigate to="/login" replace />;
  return <>{children}</>;
}
