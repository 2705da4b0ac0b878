import { ApiError, NetworkError } from './api/client';

const SERVICE_UNAVAILABLE = 'urn:guanxi:problem:service-unavailable';

/** The database could not be reached (a restart, a failover): worth retrying after retryAfterSeconds. */
export function isServiceUnavailable(error: unknown): boolean {
  return error instanceof ApiError && error.status === 503 && error.problem.type === SERVICE_UNAVAILABLE;
}

/** What went wrong with a call, in the user's language (its own module: the login page needs only this). */
export function describeError(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError) {
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 412) return t('errors.stale');
    if (isServiceUnavailable(error)) return t('errors.unavailable');
    if (error.status >= 500) return t('errors.server', { status: error.status });
    return error.problem.detail ?? error.message;
  }
  return t('errors.network');
}
