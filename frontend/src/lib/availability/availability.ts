import { useSyncExternalStore } from 'react';

/**
 * Whether the service said its database cannot be reached (503 service-unavailable with Retry-After), until the
 * next answer that is not such a 503. Set by the API client for every call; read by the banner.
 */
let unavailable = false;
const listeners = new Set<() => void>();

function set(next: boolean) {
  if (next === unavailable) return;
  unavailable = next;
  listeners.forEach((listener) => listener());
}

/** A 503 with Retry-After is a database outage; a 503 without it (a search timeout) and any other answer are not. */
export function noteResponse(response: Response) {
  set(response.status === 503 && response.headers.has('Retry-After'));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isServiceUnavailable(): boolean {
  return unavailable;
}

export function useServiceUnavailable(): boolean {
  return useSyncExternalStore(subscribe, isServiceUnavailable);
}
