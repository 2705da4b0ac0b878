import { useSyncExternalStore } from 'react';
import { currentSession, getSessionState, onSessionChange, type Session, type SessionState } from './session';

/** The current session; components re-render when it changes (sign-in, refresh, sign-out, expiry). */
export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, currentSession);
}

/** The session with whether it is still being restored after a reload. */
export function useSessionState(): SessionState {
  return useSyncExternalStore(onSessionChange, getSessionState);
}
