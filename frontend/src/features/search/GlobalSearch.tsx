import { SearchOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../../components/ui/usePhone';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { SearchDialog } from './SearchDialog';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * The header's way into search: a search field on a desktop, an icon on a phone (the dialog is then
 * full-screen), and Ctrl/⌘+K anywhere. Shown to the roles that work with customers.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const session = useSession();
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const allowed = hasRole(session, 'SALES_REP', 'SERVICE_AGENT', 'MANAGER', 'ADMIN');

  useEffect(() => {
    if (!allowed) return;
    const handleKeyDown = (event: KeyboardEvent) => {
      // String(): Chrome's autofill sends keydown events without a key.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && String(event.key).toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [allowed]);

  if (!allowed) return null;
  const shortcut = MAC ? '⌘K' : 'Ctrl K';
  return (
    <>
      {phone ? (
        <Button
          type="text"
          aria-label={t('search.open')}
          data-testid="search-open"
          icon={<SearchOutlined style={{ color: '#fff', fontSize: 18 }} />}
          onClick={() => setOpen(true)}
          style={{ width: 40, height: 40 }}
        />
      ) : (
        <Button
          data-testid="search-open"
          aria-keyshortcuts={MAC ? 'Meta+K' : 'Control+K'}
          onClick={() => setOpen(true)}
          style={{
            width: 220,
            justifyContent: 'space-between',
            background: 'rgba(255,255,255,0.1)',
            borderColor: 'rgba(255,255,255,0.25)',
            color: 'rgba(255,255,255,0.85)',
          }}
        >
          <span>
            <SearchOutlined aria-hidden style={{ marginInlineEnd: 8 }} />
            {t('search.open')}
          </span>
          <kbd style={{ fontFamily: 'inherit', fontSize: 12, opacity: 0.85 }}>{shortcut}</kbd>
        </Button>
      )}
      <SearchDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
