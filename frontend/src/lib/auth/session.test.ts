import { describe, expect, it } from 'vitest';
import { hasRole, loadSession, saveSession, sessionFromToken } from './session';

function token(claims: Record<string, unknown>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(claims));
  const payload = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `header.${payload}.signature`;
}

describe('session', () => {
  it('reads user, Chinese display name, roles and expiry from the token', () => {
    const session = sessionFromToken(token({ sub: 'u1', upn: 'rep.zhang', name: '张晓明', groups: ['SALES_REP'], exp: 2_000_000_000 }));
    expect(session).toMatchObject({ userId: 'u1', username: 'rep.zhang', displayName: '张晓明', roles: ['SALES_REP'] });
    expect(session.expiresAt).toBe(2_000_000_000_000);
    expect(hasRole(session, 'MANAGER', 'SALES_REP')).toBe(true);
    expect(hasRole(session, 'ADMIN')).toBe(false);
  });

  it('forgets an expired session', () => {
    saveSession(sessionFromToken(token({ sub: 'u1', upn: 'a', exp: Math.floor(Date.now() / 1000) - 10 })));
    expect(loadSession()).toBeNull();
    saveSession(sessionFromToken(token({ sub: 'u1', upn: 'a', exp: Math.floor(Date.now() / 1000) + 600 })));
    expect(loadSession()?.username).toBe('a');
  });
});
