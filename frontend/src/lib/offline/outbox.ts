// Writes made without a network (an interaction logged in a lift, say), kept on this device until
// they can be sent. Each carries the Idempotency-Key made when the user submitted, so a send whose
// answer was lost is sent again without happening twice. Kept per user in localStorage: another
// user signing in on the same phone neither sees nor sends them.
import { useSyncExternalStore } from 'react';
import { freshToken } from '../auth/session';

export type OutboxEntry = {
  /** The Idempotency-Key, made once when the user submitted. */
  key: string;
  /** The API path the body is POSTed to. */
  path: string;
  body: unknown;
  queuedAt: string;
  /** Query-key prefixes to refresh once it is sent. */
  refreshes: readonly (readonly unknown[])[];
  /** The service refused it (it will not succeed by sending it again): the status and its reason. */
  refused?: { status: number; detail: string };
};

const listeners = new Set<() => void>();
const snapshots = new Map<string, { raw: string | null; entries: OutboxEntry[] }>();

function storageKey(userId: string): string {
  return `guanxi.outbox.${userId}`;
}

/** The user's entries, oldest first; the same array until they change (for useSyncExternalStore). */
export function outboxEntries(userId: string): OutboxEntry[] {
  const raw = localStorage.getItem(storageKey(userId));
  const cached = snapshots.get(userId);
  if (cached && cached.raw === raw) return cached.entries;
  let entries: OutboxEntry[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) entries = parsed as OutboxEntry[];
  } catch {
    // A damaged store is dropped rather than breaking every page.
  }
  snapshots.set(userId, { raw, entries });
  return entries;
}

function save(userId: string, entries: OutboxEntry[]): void {
  if (entries.length) localStorage.setItem(storageKey(userId), JSON.stringify(entries));
  else localStorage.removeItem(storageKey(userId));
  listeners.forEach((listener) => listener());
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the same app changed it.
  const handleStorage = (event: StorageEvent) => {
    if (event.key?.startsWith('guanxi.outbox.')) listener();
  };
  window.addEventListener('storage', handleStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', handleStorage);
  };
}

export function addToOutbox(userId: string, entry: Omit<OutboxEntry, 'queuedAt'>): void {
  save(userId, [...outboxEntries(userId), { ...entry, queuedAt: new Date().toISOString() }]);
}

export function removeFromOutbox(userId: string, key: string): void {
  save(
    userId,
    outboxEntries(userId).filter((entry) => entry.key !== key),
  );
}

/** A key for one submit; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

let sending: Promise<void> | null = null;

function nextToSend(userId: string): OutboxEntry | undefined {
  return outboxEntries(userId).find((entry) => !entry.refused);
}

/**
 * Sends the user's waiting entries, oldest first, and calls onSent for each one the service took.
 * Stops at the first that cannot get through (offline, the service busy or restarting) to try
 * again later; one the service refuses is kept, marked, for the user to see and discard.
 */
export function sendOutbox(userId: string, onSent: (entry: OutboxEntry) => void): Promise<void> {
  sending ??= (async () => {
    // Re-read each time: an entry logged while sending is sent in the same pass.
    for (let entry = nextToSend(userId); entry; entry = nextToSend(userId)) {
      const token = await freshToken();
      if (!token) return;
      let response: Response;
      try {
        response = await fetch(entry.path, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': entry.key,
          },
          body: JSON.stringify(entry.body),
        });
      } catch {
        return; // still offline
      }
      if (response.ok) {
        removeFromOutbox(userId, entry.key);
        onSent(entry);
      } else if (
        response.status === 401 ||
        response.status === 409 ||
        response.status === 429 ||
        response.status >= 500
      ) {
        return; // signed out, the same key still in flight, throttled or the service down: later
      } else {
        const problem: unknown = await response.json().catch(() => null);
        const detail =
          problem && typeof problem === 'object' && 'detail' in problem && typeof problem.detail === 'string'
            ? problem.detail
            : `HTTP ${response.status}`;
        const refused = { status: response.status, detail };
        save(
          userId,
          outboxEntries(userId).map((e) => (e.key === entry.key ? { ...e, refused } : e)),
        );
      }
    }
  })().finally(() => {
    sending = null;
  });
  return sending;
}

const NO_ENTRIES: OutboxEntry[] = [];

/** The signed-in user's waiting entries; re-renders when they change. */
export function useOutbox(userId: string | undefined): OutboxEntry[] {
  return useSyncExternalStore(subscribeOutbox, () => (userId ? outboxEntries(userId) : NO_ENTRIES));
}
