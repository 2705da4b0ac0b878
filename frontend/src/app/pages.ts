// The code of each page, fetched when its route is first matched. The page the browser opened is
// fetched from the start (loadOpenedPage.ts, its own small entry), while the app's own code is still
// downloading and running, instead of after it.
export const pages = {
  login: () => import('../features/auth/LoginPage'),
  survey: () => import('../features/surveys/PublicSurveyPage'),
  surveys: () => import('../features/surveys/SurveysPage'),
  layout: () => import('./AppLayout'),
  today: () => import('../features/today/TodayPage'),
  contacts: () => import('../features/contacts/ContactListPage'),
  contact: () => import('../features/contacts/ContactDetailPage'),
  leads: () => import('../features/leads/LeadsPage'),
  tiers: () => import('../features/tiers/TiersPage'),
  campaigns: () => import('../features/campaigns/CampaignsPage'),
  loyalty: () => import('../features/loyalty/LoyaltyPage'),
  complaints: () => import('../features/complaints/ComplaintsPage'),
  atRisk: () => import('../features/churnrisk/AtRiskPage'),
  complaint: () => import('../features/complaints/ComplaintPage'),
  sessions: () => import('../features/auth/SessionsPage'),
  users: () => import('../features/users/UsersPage'),
  scoring: () => import('../features/leads/ScoringPolicyPage'),
  assignment: () => import('../features/leads/AssignmentRulesPage'),
  analytics: () => import('../features/analytics/AnalyticsPage'),
  analyticsDrill: () => import('../features/analytics/DrillPage'),
  audit: () => import('../features/audit/AuditPage'),
  privacy: () => import('../features/privacy/PrivacyPage'),
};

type Page = keyof typeof pages;

const BY_PATH: Record<string, Page> = {
  '/': 'today',
  '/today': 'today',
  '/contacts': 'contacts',
  '/leads': 'leads',
  '/tiers': 'tiers',
  '/surveys': 'surveys',
  '/campaigns': 'campaigns',
  '/loyalty': 'loyalty',
  '/complaints': 'complaints',
  '/at-risk': 'atRisk',
  '/account/sessions': 'sessions',
  '/admin/users': 'users',
  '/admin/lead-scoring': 'scoring',
  '/admin/lead-assignment': 'assignment',
  '/admin/audit': 'audit',
  '/admin/privacy': 'privacy',
};

/**
 * The router's pages a path shows: the signed-in layout and the page in it (as router.tsx routes it). None
 * for the login page, which main.tsx shows without the router when the browser opens it.
 */
export function pagesAt(path: string): Page[] {
  if (path === '/login') return [];
  if (/^\/s\/[^/]+$/.test(path)) return ['survey'];
  const page: Page | undefined = /^\/contacts\/[^/]+$/.test(path)
    ? 'contact'
    : /^\/analytics(\/[A-Z]+)?$/.test(path)
      ? 'analytics'
      : /^\/analytics\/[A-Z]+\/drill\/[^/]+$/.test(path)
        ? 'analyticsDrill'
        : /^\/complaints\/[^/]+$/.test(path)
          ? 'complaint'
          : BY_PATH[path];
  return page ? ['layout', page] : ['layout'];
}
