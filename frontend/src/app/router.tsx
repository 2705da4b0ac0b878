import { Spin } from 'antd';
import { createBrowserRouter, Navigate } from 'react-router';
import { pages } from './pages';
import { RequireSession } from './RequireSession';

// Every page is its own chunk (pages.ts), fetched when its route is first matched: a phone opening the
// login page loads the login form, not the whole app (docs/benchmarks.md, "Phone: bundle and Lighthouse").
export const router = createBrowserRouter([
  {
    // Shown while the first page's chunk arrives (a later navigation keeps the current page meanwhile).
    HydrateFallback: () => <Spin fullscreen data-testid="page-loading" />,
    children: [
      { path: '/login', lazy: async () => ({ Component: (await pages.login()).LoginPage }) },
      // A customer's survey, opened from their personal link: no sign-in, outside the signed-in layout.
      { path: '/s/:token', lazy: async () => ({ Component: (await pages.survey()).PublicSurveyPage }) },
      {
        lazy: async () => {
          const { AppLayout } = await pages.layout();
          return {
            element: (
              <RequireSession>
                <AppLayout />
              </RequireSession>
            ),
          };
        },
        children: [
          { index: true, element: <Navigate to="/today" replace /> },
          {
            path: '/today',
            lazy: async () => ({ Component: (await pages.today()).TodayPage }),
          },
          {
            path: '/contacts',
            lazy: async () => ({ Component: (await pages.contacts()).ContactListPage }),
          },
          {
            path: '/contacts/duplicates',
            lazy: async () => ({ Component: (await import('../features/merge/DuplicatesPage')).DuplicatesPage }),
          },
          {
            path: '/contacts/duplicates/merge',
            lazy: async () => ({ Component: (await import('../features/merge/MergePage')).MergePage }),
          },
          {
            path: '/merges/:id',
            lazy: async () => ({ Component: (await import('../features/merge/MergeResultPage')).MergeResultPage }),
          },
          {
            path: '/contacts/import',
            lazy: async () => ({ Component: (await import('../features/imports/ImportPage')).ImportPage }),
          },
          {
            path: '/contacts/:id',
            lazy: async () => ({
              Component: (await pages.contact()).ContactDetailPage,
            }),
          },
          {
            path: '/leads',
            lazy: async () => ({ Component: (await pages.leads()).LeadsPage }),
          },
          {
            path: '/care',
            lazy: async () => ({ Component: (await import('../features/care/CarePage')).CarePage }),
          },
          {
            path: '/winback',
            lazy: async () => ({ Component: (await import('../features/winback/WinbackPage')).WinbackPage }),
          },
          {
            path: '/winback/:id',
            lazy: async () => ({ Component: (await import('../features/winback/WinbackPlanPage')).WinbackPlanPage }),
          },
          {
            path: '/surveys',
            lazy: async () => ({ Component: (await pages.surveys()).SurveysPage }),
          },
          {
            path: '/campaigns',
            lazy: async () => ({ Component: (await pages.campaigns()).CampaignsPage }),
          },
          {
            path: '/churn',
            lazy: async () => ({ Component: (await import('../features/churn/ChurnReviewPage')).ChurnReviewPage }),
          },
          {
            path: '/tiers',
            lazy: async () => ({ Component: (await pages.tiers()).TiersPage }),
          },
          {
            path: '/loyalty',
            lazy: async () => ({ Component: (await pages.loyalty()).LoyaltyPage }),
          },
          {
            path: '/analytics/:section?',
            lazy: async () => ({ Component: (await pages.analytics()).AnalyticsPage }),
          },
          {
            path: '/analytics/:section/drill/:figure',
            lazy: async () => ({ Component: (await pages.analyticsDrill()).DrillPage }),
          },
          {
            path: '/at-risk',
            lazy: async () => ({ Component: (await pages.atRisk()).AtRiskPage }),
          },
          {
            path: '/complaints',
            lazy: async () => ({ Component: (await pages.complaints()).ComplaintsPage }),
          },
          {
            path: '/complaints/:id',
            lazy: async () => ({ Component: (await pages.complaint()).ComplaintPage }),
          },
          {
            path: '/account/sessions',
            lazy: async () => ({ Component: (await pages.sessions()).SessionsPage }),
          },
          {
            path: '/admin/users',
            lazy: async () => ({ Component: (await pages.users()).UsersPage }),
          },
          {
            path: '/admin/lead-scoring',
            lazy: async () => ({ Component: (await pages.scoring()).ScoringPolicyPage }),
          },
          {
            path: '/admin/audit',
            lazy: async () => ({ Component: (await pages.audit()).AuditPage }),
          },
          {
            path: '/admin/lead-assignment',
            lazy: async () => ({
              Component: (await pages.assignment()).AssignmentRulesPage,
            }),
          },
          {
            path: '/admin/privacy',
            lazy: async () => ({ Component: (await pages.privacy()).PrivacyPage }),
          },
          { path: '*', element: <Navigate to="/today" replace /> },
        ],
      },
    ],
  },
]);
