import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../auth/session';
import { addToOutbox, outboxEntries, sendOutbox } from './outbox';

const path = '/api/v1/contacts/c1/interactions';
const body = { channel: 'PHONE', direction: 'OUTBOUND', summary: '离线记录' };

function signedInAs(userId: string) {
  resetSessionForTests({
    status: 'ready',
    session: {
      token: 'token',
      userId,
      sessionId: 's',
      username: userId,
      displayName: userId,
      roles: ['SALES_REP'],
      expiresAt: Date.now() + 3_600_000,
    },
  });
}

describe('the offline outbox', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    signedInAs('rep-a');
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('sends each entry once with its Idempotency-Key and forgets it when the service took it', async () => {
    addToOutbox('rep-a', { key: 'key-1', path, body, refreshes: [['contacts']] });
    fetchMock.mockResolvedValue(new Response('{}', { status: 201 }));
    const sent = vi.fn();

    await sendOutbox('rep-a', sent);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(path);
    expect(new Headers(init?.headers).get('Idempotency-Key')).toBe('key-1');
    expect(JSON.parse(String(init?.body))).toEqual(body);
    expect(sent).toHaveBeenCalledWith(expect.objectContaining({ key: 'key-1' }));
    expect(outboxEntries('rep-a')).toEqual([]);
  });

  it('keeps the entry, with the same key, while the network or the service is down', async () => {
    addToOutbox('rep-a', { key: 'key-2', path, body, refreshes: [] });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await sendOutbox('rep-a', vi.fn());
    fetchMock.mockResolvedValueOnce(new Response('{}', { status: 503 }));
    await sendOutbox('rep-a', vi.fn());

    expect(outboxEntries('rep-a').map((entry) => [entry.key, entry.refused])).toEqual([['key-2', undefined]]);
  });

  it('marks an entry the service refuses, and goes on with the next', async () => {
    addToOutbox('rep-a', { key: 'bad', path, body, refreshes: [] });
    addToOutbox('rep-a', { key: 'good', path, body, refreshes: [] });
    fetchMock
      .mockResolvedValueOnce(new Response(JSON.stringify({ status: 404, detail: '客户不存在' }), { status: 404 }))
      .mockResolvedValueOnce(new Response('{}', { status: 201 }));

    await sendOutbox('rep-a', vi.fn());

    expect(outboxEntries('rep-a').map((entry) => [entry.key, entry.refused])).toEqual([
      ['bad', { status: 404, detail: '客户不存在' }],
    ]);
  });

  it("keeps each user's entries apart", async () => {
    addToOutbox('rep-a', { key: 'a', path, body, refreshes: [] });
    expect(outboxEntries('rep-b')).toEqual([]);
  });
});
