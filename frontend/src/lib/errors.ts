import { ApiError, NetworkError } from './api/client';

/** What went wrong with a call, in the user's language (its own module: the login page needs only this). */
export function describeError(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError) {
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 412) return t('errors.stale');
    if (error.status >= 500) return t('errors.server', { status: error.status });
    return error.problem.detail ?? error.message;
  }
  return t('errors.network');
}
