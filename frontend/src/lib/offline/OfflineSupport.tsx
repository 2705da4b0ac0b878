import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { useOnline } from './online';
import { sendOutbox, subscribeOutbox } from './outbox';

/** While online, what is still waiting is tried again this often (the service was busy or restarting). */
const RETRY_MS = 30_000;

const BANNER_STYLE = {
  position: 'sticky',
  top: 0,
  zIndex: 1100,
  padding: '8px 16px',
  background: '#434343',
  color: '#fff',
  textAlign: 'center',
} as const;

/**
 * Says when the device is offline (instead of pages failing one by one), and sends what was logged
 * offline once the network and a session are back, refreshing what it changed.
 */
export function OfflineSupport() {
  const { t } = useTranslation();
  const online = useOnline();
  const session = useSession();
  const queryClient = useQueryClient();
  const userId = session?.userId;

  useEffect(() => {
    if (!online || !userId) return;
    const send = () =>
      void sendOutbox(userId, (entry) =>
        entry.refreshes.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey })),
      );
    send();
    const retry = window.setInterval(send, RETRY_MS);
    const unsubscribe = subscribeOutbox(send);
    return () => {
      window.clearInterval(retry);
      unsubscribe();
    };
  }, [online, userId, queryClient]);

  return (
    // Always in the page, so that screen readers announce the change when the text appears.
    <div role="status" data-testid="offline-banner" style={online ? undefined : BANNER_STYLE}>
      {online ? null : t('offline.banner')}
    </div>
  );
}
