// The signed-in session. The access token lives in memory only (never in localStorage, where any
// injected script could read it); the refresh token is an HttpOnly cookie the service sets on
// /api/v1/auth. A reload restores the session with one refresh call; an expiring access token is
// renewed before a request needs it, and once more after a 401.
import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';

export type Role = 'ADMIN' | 'MANAGER' | 'SALES_REP' | 'SERVICE_AGENT' | 'INTEGRATOR';

export type Session = {
  token: string;
  userId: string;
  sessionId: string;
  username: string;
  displayName: string;
  roles: Role[];
  expiresAt: number;
};

/** Whether the page still asks the service for a session it may have from before the reload. */
export type SessionState = { status: 'restoring' } | { status: 'ready'; session: Session | null };

const EXPIRED_KEY = 'guanxi.sessionExpired';
/** Renew this long before the access token expires, so a request never leaves with a dead token. */
const RENEW_BEFORE_MS = 60_000;
/** Marks the cookie-authenticated calls as the app's own (the service refuses them without it). */
const CSRF_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' };

let state: SessionState = { status: 'restoring' };
let refreshing: Promise<Session | null> | null = null;
/** Counts session changes, so a refresh answered after a sign-in or sign-out does not undo it. */
let changes = 0;
const listeners = new Set<() => void>();

// The auth calls go through a client without the bearer middleware; fetch is looked up per call so
// tests can stand in for the network.
const authApi = createClient<paths>({ baseUrl: window.location.origin, fetch: (request) => globalThis.fetch(request) });

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFromToken(token: string): Session {
  const claims = decodePayload(token);
  return {
    token,
    userId: String(claims.sub ?? ''),
    sessionId: String(claims.sid ?? ''),
    username: String(claims.upn ?? ''),
    displayName: String(claims.name ?? claims.upn ?? ''),
    roles: Array.isArray(claims.groups) ? (claims.groups as Role[]) : [],
    expiresAt: Number(claims.exp ?? 0) * 1000,
  };
}

export function getSessionState(): SessionState {
  return state;
}

/** The current session, or null while restoring or when signed out. */
export function currentSession(): Session | null {
  return state.status === 'ready' ? state.session : null;
}

function setSession(session: Session | null): void {
  changes++;
  state = { status: 'ready', session };
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasRole(session: Session | null, ...roles: Role[]): boolean {
  return !!session && session.roles.some((role) => roles.includes(role));
}

/** Signs in to a web session; throws the failed response (401, 429 …) for the login page to explain. */
export async function signIn(username: string, password: string): Promise<Session> {
  const { data, error, response } = await authApi.POST('/api/v1/auth/session', {
    body: { username, password },
    params: { header: CSRF_HEADERS },
  });
  if (!data) throw new SignInError(response.status, error);
  const session = sessionFromToken(data.access_token);
  setSession(session);
  return session;
}

/** A refused sign-in: the status and the problem the service sent. */
export class SignInError extends Error {
  readonly status: number;
  readonly problem: unknown;

  constructor(status: number, problem: unknown) {
    super(`sign-in failed with ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Exchanges the refresh cookie for a new access token; null (and signed out) when the session has
 * ended. Concurrent callers share one call, and tabs take turns (Web Locks), because a spent
 * refresh token presented again would end the session.
 */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= withRefreshLock(async () => {
    const changesBefore = changes;
    try {
      const { data, response } = await authApi.POST('/api/v1/auth/refresh', { params: { header: CSRF_HEADERS } });
      // A 5xx (the database restarting, 503) says nothing about the session: handled as unreachable, below.
      if (response.status >= 500) throw new Error(`refresh answered ${response.status}`);
      // Signed in or out meanwhile (the login page does not wait for the restore): that wins.
      if (changes !== changesBefore && state.status === 'ready') return currentSession();
      const session = data ? sessionFromToken(data.access_token) : null;
      if (!session && currentSession()) markSessionExpired();
      setSession(session);
      return session;
    } catch {
      // A phone reloading the app offline: not signed out, just not reachable. Keep restoring (the
      // offline banner says why) and try again when the network is back.
      if (state.status === 'restoring' && typeof navigator !== 'undefined' && navigator.onLine === false) {
        window.addEventListener('online', () => void refreshSession(), { once: true });
        return null;
      }
      // The service unreachable on load, or offline later: keep what we have; the next request tries again.
      if (state.status === 'restoring') setSession(null);
      return currentSession();
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator.locks as LockManager | undefined) : undefined;
  return locks ? await locks.request('guanxi-session-refresh', work) : work();
}

/** On page load: the session from before the reload, if the refresh cookie still opens one. */
export function restoreSession(): Promise<Session | null> {
  return refreshSession();
}

/** A token good for at least the next minute, renewing it first if needed; null when signed out. */
export async function freshToken(): Promise<string | null> {
  const session = currentSession();
  if (!session) return null;
  if (session.expiresAt - Date.now() > RENEW_BEFORE_MS) return session.token;
  return (await refreshSession())?.token ?? null;
}

/** Ends the session at the service (the refresh cookie is cleared) and here. */
export async function signOut(): Promise<void> {
  setSession(null);
  try {
    await authApi.POST('/api/v1/auth/logout', { params: { header: CSRF_HEADERS } });
  } catch {
    // Offline: the session ends by its timeouts.
  }
}

/** The service refused the session: forget it, and tell the login page why. */
export function sessionEnded(): void {
  markSessionExpired();
  setSession(null);
}

/** Remembers, for the login page, that the last session ended because the service refused it. */
export function markSessionExpired(): void {
  sessionStorage.setItem(EXPIRED_KEY, '1');
}

/** Whether the last session expired; asking clears the mark. */
export function takeSessionExpired(): boolean {
  const expired = sessionStorage.getItem(EXPIRED_KEY) === '1';
  sessionStorage.removeItem(EXPIRED_KEY);
  return expired;
}

/** Tests start from a known state. */
export function resetSessionForTests(state_: SessionState = { status: 'ready', session: null }): void {
  state = state_;
  refreshing = null;
  listeners.forEach((listener) => listener());
}
