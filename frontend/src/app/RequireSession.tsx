import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionState } from '../lib/auth/useSession';

/**
 * Pages behind sign-in: while a reload restores the session, a spinner; without a session, the
 * login page (which says so if the session expired).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'restoring') {
    return <Spin fullscreen data-testid="session-restoring" />;
  }
  if (!state.session) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}
