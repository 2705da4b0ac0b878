import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/client';
import { describeError } from '../../lib/errors';

// Pages import the explanation from here with the component; the login page imports lib/errors alone.
export { describeError };

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
