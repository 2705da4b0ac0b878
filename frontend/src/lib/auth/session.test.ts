import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  currentSession,
  freshToken,
  getSessionState,
  hasRole,
  refreshSession,
  resetSessionForTests,
  restoreSession,
  sessionFromToken,
  signIn,
  signOut,
  takeSessionExpired,
} from './session';

function token(claims: Record<string, unknown>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(claims));
  const payload = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `header.${payload}.signature`;
}

function tokenExpiringIn(seconds: number, upn = 'rep.zhang'): string {
  return token({ sub: 'u1', sid: 's1', upn, groups: ['SALES_REP'], exp: Math.floor(Date.now() / 1000) + seconds });
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

type Call = { url: string; method: string; csrf: string | null };

function stubNetwork(answer: (url: string) => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      calls.push({
        url: new URL(request.url).pathname,
        method: request.method,
        csrf: request.headers.get('X-Requested-With'),
      });
      return answer(new URL(request.url).pathname);
    }),
  );
  return calls;
}

describe('session', () => {
  beforeEach(() => resetSessionForTests());
  afterEach(() => vi.unstubAllGlobals());

  it('reads user, session, Chinese display name, roles and expiry from the token', () => {
    const session = sessionFromToken(
      token({ sub: 'u1', sid: 's1', upn: 'rep.zhang', name: '张晓明', groups: ['SALES_REP'], exp: 2_000_000_000 }),
    );
    expect(session).toMatchObject({
      userId: 'u1',
      sessionId: 's1',
      username: 'rep.zhang',
      displayName: '张晓明',
      roles: ['SALES_REP'],
    });
    expect(session.expiresAt).toBe(2_000_000_000_000);
    expect(hasRole(session, 'MANAGER', 'SALES_REP')).toBe(true);
    expect(hasRole(session, 'ADMIN')).toBe(false);
  });

  it('signs in to a web session and keeps the token in memory only', async () => {
    const calls = stubNetwork(() =>
      json(200, { access_token: tokenExpiringIn(600), token_type: 'Bearer', expires_in: 600 }),
    );
    await signIn('rep.zhang', 'demo1234');
    expect(calls).toEqual([{ url: '/api/v1/auth/session', method: 'POST', csrf: 'XMLHttpRequest' }]);
    expect(currentSession()?.username).toBe('rep.zhang');
    expect(JSON.stringify({ ...localStorage })).not.toContain('header.');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('header.');
  });

  it('restores the session on page load through the refresh cookie', async () => {
    resetSessionForTests({ status: 'restoring' });
    const calls = stubNetwork(() =>
      json(200, { access_token: tokenExpiringIn(600), token_type: 'Bearer', expires_in: 600 }),
    );
    expect(currentSession()).toBeNull();
    await restoreSession();
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/refresh']);
    expect(calls.map((c) => c.csrf)).toEqual(['XMLHttpRequest']);
    expect(getSessionState()).toMatchObject({ status: 'ready', session: { username: 'rep.zhang' } });
  });

  it('without a refresh cookie the page is simply signed out, with no expiry message', async () => {
    resetSessionForTests({ status: 'restoring' });
    stubNetwork(() => json(401, { status: 401 }));
    await restoreSession();
    expect(getSessionState()).toEqual({ status: 'ready', session: null });
    expect(takeSessionExpired()).toBe(false);
  });

  it('a restore answered after the user signed in does not sign them out', async () => {
    resetSessionForTests({ status: 'restoring' });
    let answerRefresh: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) =>
        new URL(request.url).pathname === '/api/v1/auth/refresh'
          ? new Promise<Response>((resolve) => {
              answerRefresh = resolve;
            })
          : Promise.resolve(json(200, { access_token: tokenExpiringIn(600), token_type: 'Bearer', expires_in: 600 })),
      ),
    );
    const restoring = restoreSession();
    await signIn('rep.zhang', 'demo1234');
    answerRefresh(json(401, { status: 401 }));
    await restoring;
    expect(currentSession()?.username).toBe('rep.zhang');
    expect(takeSessionExpired()).toBe(false);
  });

  it('renews a token about to expire before handing it out, once for concurrent callers', async () => {
    stubNetwork(() => json(200, { access_token: tokenExpiringIn(30), token_type: 'Bearer', expires_in: 30 }));
    await signIn('rep.zhang', 'demo1234');
    const fresh = tokenExpiringIn(600, 'rep.zhang.renewed');
    const calls = stubNetwork(() => json(200, { access_token: fresh, token_type: 'Bearer', expires_in: 600 }));
    const [first, second] = await Promise.all([freshToken(), freshToken()]);
    expect(first).toBe(fresh);
    expect(second).toBe(fresh);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/refresh']);
    expect(await freshToken()).toBe(fresh);
    expect(calls).toHaveLength(1);
  });

  it('a refused refresh ends the session and tells the login page', async () => {
    stubNetwork(() => json(200, { access_token: tokenExpiringIn(600), token_type: 'Bearer', expires_in: 600 }));
    await signIn('rep.zhang', 'demo1234');
    stubNetwork(() => json(401, { status: 401 }));
    expect(await refreshSession()).toBeNull();
    expect(currentSession()).toBeNull();
    expect(takeSessionExpired()).toBe(true);
  });

  it('a refresh answered 503 while the database restarts keeps the session', async () => {
    stubNetwork(() => json(200, { access_token: tokenExpiringIn(600), token_type: 'Bearer', expires_in: 600 }));
    await signIn('rep.zhang', 'demo1234');
    stubNetwork(() => json(503, { type: 'urn:guanxi:problem:service-unavailable', status: 503, retryAfterSeconds: 5 }));
    expect((await refreshSession())?.username).toBe('rep.zhang');
    expect(currentSession()?.username).toBe('rep.zhang');
    expect(takeSessionExpired()).toBe(false);
  });

  it('signing out revokes the session at the service', async () => {
    stubNetwork(() => json(200, { access_token: tokenExpiringIn(600), token_type: 'Bearer', expires_in: 600 }));
    await signIn('rep.zhang', 'demo1234');
    const calls = stubNetwork(() => new Response(null, { status: 204 }));
    await signOut();
    expect(calls).toEqual([{ url: '/api/v1/auth/logout', method: 'POST', csrf: 'XMLHttpRequest' }]);
    expect(currentSession()).toBeNull();
  });
  it('a reload while offline keeps restoring and opens the session when the network is back', async () => {
    resetSessionForTests({ status: 'restoring' });
    vi.stubGlobal('navigator', { ...navigator, onLine: false, locks: undefined });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await restoreSession()).toBeNull();
    expect(getSessionState().status).toBe('restoring');

    stubNetwork(() => json(200, { access_token: tokenExpiringIn(600), token_type: 'Bearer', expires_in: 600 }));
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(currentSession()?.username).toBe('rep.zhang'));
    expect(getSessionState().status).toBe('ready');
  });
});
