import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../lib/api/client';

type ErrorStateProps = { error: unknown; onRetry?: () => void };

/** A failed load, explained, with a retry: never a blank screen. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const message = describeError(error, t);
  const status =
    error instanceof ApiError && error.status === 404
      ? '404'
      : error instanceof ApiError && error.status === 403
        ? '403'
        : 'warning';
  return (
    <Result
      status={status}
      title={t('errors.title')}
      subTitle={message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

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
