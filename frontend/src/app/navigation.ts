import { hasRole, type Role, type Session } from '../lib/auth/session';

/** An entry of the main navigation: where it goes, its text's key, and who sees it (everyone when absent). */
export type NavEntry = { path: string; label: string; roles?: readonly Role[] };

const WORKERS: readonly Role[] = ['SALES_REP', 'SERVICE_AGENT', 'MANAGER', 'ADMIN'];
const SELLERS: readonly Role[] = ['SALES_REP', 'MANAGER', 'ADMIN'];
const SERVICE: readonly Role[] = ['SERVICE_AGENT', 'MANAGER', 'ADMIN'];
const MANAGERS: readonly Role[] = ['MANAGER', 'ADMIN'];
const ADMINS: readonly Role[] = ['ADMIN'];

// Plain data, shared by the antd layout (AppLayout) and the light shell the today page opens in (LightShell).
const ENTRIES: readonly NavEntry[] = [
  { path: '/today', label: 'nav.today', roles: WORKERS },
  { path: '/contacts', label: 'nav.contacts' },
  { path: '/leads', label: 'nav.leads', roles: SELLERS },
  { path: '/at-risk', label: 'churnRisk.nav', roles: SELLERS },
  { path: '/complaints', label: 'nav.complaints', roles: SERVICE },
  { path: '/loyalty', label: 'nav.loyalty', roles: WORKERS },
  { path: '/care', label: 'nav.care', roles: WORKERS },
  { path: '/campaigns', label: 'nav.campaigns', roles: SELLERS },
  { path: '/winback', label: 'nav.winback', roles: SELLERS },
  { path: '/analytics', label: 'nav.analytics', roles: WORKERS },
  { path: '/surveys', label: 'nav.surveys', roles: MANAGERS },
  { path: '/churn', label: 'nav.churn', roles: MANAGERS },
  { path: '/tiers', label: 'nav.tiers', roles: MANAGERS },
  { path: '/admin/lead-assignment', label: 'nav.assignment', roles: MANAGERS },
  { path: '/admin/lead-scoring', label: 'nav.scoring', roles: ADMINS },
  { path: '/admin/users', label: 'nav.users', roles: ADMINS },
  { path: '/admin/audit', label: 'nav.audit', roles: ADMINS },
  { path: '/admin/privacy', label: 'nav.privacy', roles: ADMINS },
  { path: '/contacts/duplicates', label: 'merge.nav', roles: MANAGERS },
];

/** The entries this user's roles may open, in the menu's order. */
export function navigationFor(session: Session | null): NavEntry[] {
  return ENTRIES.filter((entry) => !entry.roles || hasRole(session, ...entry.roles));
}

/** The entry a path belongs to: the longest matching one (/contacts/duplicates is its own entry, not the list's). */
export function selectedPath(entries: readonly NavEntry[], pathname: string): string {
  return (
    entries.filter((entry) => pathname.startsWith(entry.path)).sort((a, b) => b.path.length - a.path.length)[0]?.path ??
    (pathname.startsWith('/account') ? '' : '/contacts')
  );
}
