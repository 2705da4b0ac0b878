import { useTranslation } from 'react-i18next';
import { useServiceUnavailable } from './availability';

const BANNER_STYLE = {
  position: 'sticky',
  top: 0,
  zIndex: 1100,
  padding: '8px 16px',
  background: '#ad4e00',
  color: '#fff',
  textAlign: 'center',
} as const;

/**
 * Says once, at the top, that the service is briefly unavailable and that pages retry by themselves (the queries
 * wait Retry-After between attempts), instead of each page failing on its own.
 */
export function ServiceUnavailableBanner() {
  const { t } = useTranslation();
  const unavailable = useServiceUnavailable();
  return (
    // Always in the page, so that screen readers announce the change when the text appears.
    <div role="status" data-testid="unavailable-banner" style={unavailable ? BANNER_STYLE : undefined}>
      {unavailable ? t('errors.unavailableBanner') : null}
    </div>
  );
}
