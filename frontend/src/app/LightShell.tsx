import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayQueries } from '../features/today/api';
import { TodayLight } from '../features/today/TodayLight';
import { WORKING_ROLES } from '../features/today/daySummary';
import { currentSession, getSessionState, hasRole, onSessionChange } from '../lib/auth/session';
import { useSessionState } from '../lib/auth/useSession';
import { LanguageButtons } from '../lib/i18n/LanguageButtons';
import { LIGHT_PAGE, LightLink, type Upgrade, UpgradeContext } from '../lib/lightPage';
import { createQueryClient } from '../lib/queryClient';
import { navigationFor, selectedPath } from './navigation';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

// The header's icons as inline SVG (the paths of @ant-design/icons' Menu, Search and Bell), without its runtime.
const ICONS = {
  menu: 'M904 160H120c-4.4 0-8 3.6-8 8v64c0 4.4 3.6 8 8 8h784c4.4 0 8-3.6 8-8v-64c0-4.4-3.6-8-8-8zm0 624H120c-4.4 0-8 3.6-8 8v64c0 4.4 3.6 8 8 8h784c4.4 0 8-3.6 8-8v-64c0-4.4-3.6-8-8-8zm0-312H120c-4.4 0-8 3.6-8 8v64c0 4.4 3.6 8 8 8h784c4.4 0 8-3.6 8-8v-64c0-4.4-3.6-8-8-8z',
  search:
    'M909.6 854.5L649.9 594.8C690.2 542.7 712 479 712 412c0-80.2-31.3-155.4-87.9-212.1-56.6-56.7-132-87.9-212.1-87.9s-155.5 31.3-212.1 87.9C143.2 256.5 112 331.8 112 412c0 80.1 31.3 155.5 87.9 212.1C256.5 680.8 331.8 712 412 712c67 0 130.6-21.8 182.7-62l259.7 259.6a8.2 8.2 0 0011.6 0l43.6-43.5a8.2 8.2 0 000-11.6zM570.4 570.4C528 612.7 471.8 636 412 636s-116-23.3-158.4-65.6C211.3 528 188 471.8 188 412s23.3-116.1 65.6-158.4C296 211.3 352.2 188 412 188s116.1 23.2 158.4 65.6S636 352.2 636 412s-23.3 116.1-65.6 158.4z',
  bell: 'M816 768h-24V428c0-141.1-104.3-257.7-240-277.1V112c0-22.1-17.9-40-40-40s-40 17.9-40 40v38.9c-135.7 19.4-240 136-240 277.1v340h-24c-17.7 0-32 14.3-32 32v32c0 4.4 3.6 8 8 8h216c0 61.8 50.2 112 112 112s112-50.2 112-112h216c4.4 0 8-3.6 8-8v-32c0-17.7-14.3-32-32-32zM512 888c-26.5 0-48-21.5-48-48h96c0 26.5-21.5 48-48 48zM304 768V428c0-55.6 21.6-107.8 60.9-147.1S456.4 220 512 220c55.6 0 107.8 21.6 147.1 60.9S720 372.4 720 428v340H304z',
};

function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="64 64 896 896" width="18" height="18" fill="currentColor" aria-hidden="true" focusable="false">
      <path d={path} />
    </svg>
  );
}

// The light page's cache, handed to the app when it takes over (so the antd today page does not ask again).
const lightQueryClient = createQueryClient();

/**
 * Asks for the day as soon as the session is restored, without waiting for the texts and the shell's first render
 * (loadOpenedPage calls it when this module arrives): on a slow phone that render is a few hundred ms the request
 * need not wait for (issue 16, LCP of /today). The shell's query then finds the answer or the request in flight.
 */
export function askForTheDayEarly(): void {
  const ask = () => {
    if (hasRole(currentSession(), ...WORKING_ROLES)) void lightQueryClient.prefetchQuery(todayQueries.day());
  };
  if (getSessionState().status === 'ready') return ask();
  const stop = onSessionChange(() => {
    stop();
    ask();
  });
}

/**
 * The signed-in page as a phone first paints it when opened at /today: the layout's header (AppLayout) and the
 * day (TodayLight) in plain HTML and global.css. `onUpgrade` swaps in the full app, given the query cache so the
 * antd today page shows the same answer without asking again. Without a session, or for an account without a
 * working day, it upgrades at once (the app's router sends those to the login page or the contacts).
 */
export function LightShell({ onUpgrade }: { onUpgrade: (upgrade: Upgrade, queryClient: QueryClient) => void }) {
  const { t } = useTranslation();
  const state = useSessionState();
  const queryClient = lightQueryClient;
  const [upgrading, setUpgrading] = useState(false);
  const session = state.status === 'ready' ? state.session : null;
  const works = hasRole(session, ...WORKING_ROLES);
  const ready = state.status === 'ready';

  // The app is swapped in once: a second tap while it loads does not load it again.
  const started = useRef(false);
  const upgradeOnce = useRef(onUpgrade);
  useEffect(() => {
    upgradeOnce.current = (to, client) => {
      if (started.current) return;
      started.current = true;
      onUpgrade(to, client);
    };
  }, [onUpgrade]);
  const upgrade = (to: Upgrade) => {
    setUpgrading(true);
    upgradeOnce.current(to, queryClient);
  };

  useEffect(() => {
    if (ready && !works) upgradeOnce.current({}, queryClient);
  }, [ready, works, queryClient]);

  useEffect(() => {
    // Ctrl/⌘+K opens the search here too (GlobalSearch in the app).
    const handleKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && String(event.key).toLowerCase() === 'k') {
        event.preventDefault();
        upgradeOnce.current({ click: '[data-testid=search-open]' }, queryClient);
      }
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [queryClient]);

  const entries = navigationFor(session);
  const selected = selectedPath(entries, window.location.pathname);
  return (
    <UpgradeContext.Provider value={upgrade}>
      <QueryClientProvider client={queryClient}>
        <div className="gx-light" {...{ [LIGHT_PAGE]: '' }} aria-busy={upgrading || undefined}>
          <header className="gx-light-header">
            <button
              type="button"
              className="gx-light-icon gx-light-phone"
              aria-label={t('nav.menu')}
              data-testid="nav-menu"
              onClick={() => upgrade({ click: '[data-testid=nav-menu]' })}
            >
              <Icon path={ICONS.menu} />
            </button>
            <span className="gx-brand">
              <span className="gx-brand-mark">关</span>
              {t('app.name')}
            </span>
            <nav aria-label={t('nav.main')} className="gx-light-nav">
              <ul>
                {ready &&
                  entries.map((entry) => (
                    <li key={entry.path}>
                      <LightLink href={entry.path} aria-current={entry.path === selected ? 'page' : undefined}>
                        {t(entry.label)}
                      </LightLink>
                    </li>
                  ))}
              </ul>
            </nav>
            {ready && works && (
              <div className="gx-light-tools">
                <button
                  type="button"
                  className="gx-light-search"
                  data-testid="search-open"
                  aria-keyshortcuts={MAC ? 'Meta+K' : 'Control+K'}
                  onClick={() => upgrade({ click: '[data-testid=search-open]' })}
                >
                  <Icon path={ICONS.search} />
                  {/* Its name on a phone too (there only the icon shows), and the same words the desktop shows. */}
                  <span className="gx-light-label">{t('search.open')}</span>
                  <kbd className="gx-light-desktop" aria-hidden="true">
                    {MAC ? '⌘K' : 'Ctrl K'}
                  </kbd>
                </button>
                <button
                  type="button"
                  className="gx-light-icon"
                  aria-label={t('notifications.title')}
                  data-testid="notification-bell"
                  onClick={() => upgrade({ click: '[data-testid=notification-bell]' })}
                >
                  <Icon path={ICONS.bell} />
                </button>
                <LanguageButtons className="gx-light-languages gx-light-desktop" />
                <button
                  type="button"
                  className="gx-light-user"
                  data-testid="user-menu"
                  onClick={() => upgrade({ click: '[data-testid=user-menu]' })}
                >
                  <span className="gx-light-avatar" aria-hidden="true">
                    {session?.displayName.slice(0, 1)}
                  </span>
                  <span className="gx-light-label">{session?.displayName}</span>
                  <span className="gx-light-desktop gx-light-roles">
                    {session?.roles.map((role) => t(`roles.${role}`)).join(' · ')}
                  </span>
                </button>
              </div>
            )}
          </header>
          <main>{ready && works && <TodayLight />}</main>
        </div>
      </QueryClientProvider>
    </UpgradeContext.Provider>
  );
}
