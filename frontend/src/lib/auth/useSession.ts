import { useSyncExternalStore } from 'react';
import { loadSession, onSessionChange, type Session } from './session';

let cached: Session | null = loadSession();
let cachedToken = cached?.token;

function snapshot(): Session | null {
  const current = loadSession();
  if (current?.token !== cachedToken) {
    cached = current;
    cachedToken = current?.token;
  }
  return cached;
}

/** The current session; components re-render when it changes (sign-in, sign-out, expiry). */
export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, snapshot);
}
