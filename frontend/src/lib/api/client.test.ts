import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentSession, resetSessionForTests, signIn, takeSessionExpired } from '../auth/session';
import { api, unwrap } from './client';

// One expiry for the whole file: a token built twice across a second boundary must still be the same token.
const EXPIRES = Math.floor(Date.now() / 1000) + 600;

function token(upn: string): string {
  const claims = { sub: 'u1', sid: 's1', upn, groups: ['SALES_REP'], exp: EXPIRES };
  return `h.${btoa(JSON.stringify(claims))}.s`;
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

describe('api client', () => {
  beforeEach(() => resetSessionForTests());
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token, and after a 401 refreshes once and retries', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { access_token: token('first'), token_type: 'Bearer', expires_in: 600 })),
    );
    await signIn('rep.zhang', 'demo1234');
    const seen: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const path = new URL(request.url).pathname;
        seen.push(`${path} ${request.headers.get('Authorization') ?? ''}`);
        if (path === '/api/v1/auth/refresh')
          return json(200, { access_token: token('second'), token_type: 'Bearer', expires_in: 600 });
        return request.headers.get('Authorization') === `Bearer ${token('second')}`
          ? json(200, { id: 'u1', username: 'rep.zhang' })
          : json(401, { status: 401 });
      }),
    );
    const me = await unwrap(api.GET('/api/v1/me'));
    expect(me.username).toBe('rep.zhang');
    expect(seen).toEqual([
      `/api/v1/me Bearer ${token('first')}`,
      '/api/v1/auth/refresh ',
      `/api/v1/me Bearer ${token('second')}`,
    ]);
  });

  it('when the refresh is refused too, the session ends with the expiry message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { access_token: token('first'), token_type: 'Bearer', expires_in: 600 })),
    );
    await signIn('rep.zhang', 'demo1234');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(401, { status: 401 })),
    );
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });
    expect(currentSession()).toBeNull();
    expect(takeSessionExpired()).toBe(true);
  });
});
