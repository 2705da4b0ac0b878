// The signed-in session: the bearer token and what it says about the user. Kept in localStorage
// so a reload keeps you signed in; the token's own expiry decides how long.
export type Role = 'ADMIN' | 'MANAGER' | 'SALES_REP' | 'SERVICE_AGENT' | 'INTEGRATOR';

export type Session = {
  token: string;
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  expiresAt: number;
};

const STORAGE_KEY = 'guanxi.session';
const EXPIRED_KEY = 'guanxi.sessionExpired';
const listeners = new Set<() => void>();

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
    username: String(claims.upn ?? ''),
    displayName: String(claims.name ?? claims.upn ?? ''),
    roles: Array.isArray(claims.groups) ? (claims.groups as Role[]) : [],
    expiresAt: Number(claims.exp ?? 0) * 1000,
  };
}

export function loadSession(): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasRole(session: Session | null, ...roles: Role[]): boolean {
  return !!session && session.roles.some((role) => roles.includes(role));
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
