import createClient, { type Middleware } from 'openapi-fetch';
import { currentSession, freshToken, refreshSession, sessionEnded } from '../auth/session';
import { noteResponse } from '../availability/availability';
import type { components, paths } from './schema';

export type Problem = components['schemas']['Problem'];

/** A failed API call: the HTTP status and the RFC 9457 problem the service sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Raised when the service cannot be reached at all. */
export class NetworkError extends Error {}

// Copies of requests in flight, so one refused for an expired token can be sent again after a refresh.
const retryable = new Map<string, Request>();

const authMiddleware: Middleware = {
  async onRequest({ request, id }) {
    const token = await freshToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    retryable.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    noteResponse(response);
    const original = retryable.get(id);
    retryable.delete(id);
    if (response.status !== 401 || !original || !currentSession()) return response;
    // The access token was refused (expired early, or the session was revoked): refresh once.
    const session = await refreshSession();
    if (!session) {
      sessionEnded();
      return response;
    }
    original.headers.set('Authorization', `Bearer ${session.token}`);
    return globalThis.fetch(original);
  },
  onError({ id }) {
    retryable.delete(id);
  },
};

// Same origin as the app; fetch is looked up per call so tests can stand in for the network.
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  fetch: (request) => globalThis.fetch(request),
});
api.use(authMiddleware);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful call, or an ApiError carrying the problem. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause));
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const problem = (error && typeof error === 'object' ? error : { status: response.status }) as Problem;
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

/** The ETag of a response, for If-Match on the next update. */
export function etagOf(response: Response): string {
  return response.headers.get('ETag') ?? '';
}
