import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/client';
import { describeError } from '../../lib/errors';

// Pages import the explanation from here with the component; the login page imports lib/errors alone.
export { describeError };

type ErrorStateProps = { error: unknown; onRetry?: () => void };

/**
 * A failed load, explained, with a retry: never a blank screen. An alert rather than antd's Result, whose
 * illustrations (12 KB gzip) every signed-in page would download for a state it rarely shows (issue 16).
 */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 403);
  return (
    <Alert
      type={missing ? 'info' : 'warning'}
      showIcon
      title={t('errors.title')}
      description={describeError(error, t)}
      style={{ margin: '24px auto', maxWidth: 560 }}
      action={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
