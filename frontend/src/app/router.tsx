import { Spin } from 'antd';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from './RequireSession';

// Every page is its own chunk, fetched when its route is first matched: a phone opening the login
// page loads the login form, not the whole app (docs/benchmarks.md, "Phone: bundle and Lighthouse").
export const router = createBrowserRouter([
  {
    // Shown while the first page's chunk arrives (a later navigation keeps the current page meanwhile).
    HydrateFallback: () => <Spin fullscreen data-testid="page-loading" />,
    children: [
      { path: '/login', lazy: async () => ({ Component: (await import('../features/auth/LoginPage')).LoginPage }) },
      {
        lazy: async () => {
          const { AppLayout } = await import('./AppLayout');
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
            lazy: async () => ({ Component: (await import('../features/today/TodayPage')).TodayPage }),
          },
          {
            path: '/contacts',
            lazy: async () => ({ Component: (await import('../features/contacts/ContactListPage')).ContactListPage }),
          },
          {
            path: '/contacts/:id',
            lazy: async () => ({
              Component: (await import('../features/contacts/ContactDetailPage')).ContactDetailPage,
            }),
          },
          {
            path: '/leads',
            lazy: async () => ({ Component: (await import('../features/leads/LeadsPage')).LeadsPage }),
          },
          {
            path: '/care',
            lazy: async () => ({ Component: (await import('../features/care/CarePage')).CarePage }),
          },
          {
            path: '/tiers',
            lazy: async () => ({ Component: (await import('../features/tiers/TiersPage')).TiersPage }),
          },
          {
            path: '/loyalty',
            lazy: async () => ({ Component: (await import('../features/loyalty/LoyaltyPage')).LoyaltyPage }),
          },
          {
            path: '/complaints',
            lazy: async () => ({ Component: (await import('../features/complaints/ComplaintsPage')).ComplaintsPage }),
          },
          {
            path: '/complaints/:id',
            lazy: async () => ({ Component: (await import('../features/complaints/ComplaintPage')).ComplaintPage }),
          },
          {
            path: '/account/sessions',
            lazy: async () => ({ Component: (await import('../features/auth/SessionsPage')).SessionsPage }),
          },
          {
            path: '/admin/users',
            lazy: async () => ({ Component: (await import('../features/users/UsersPage')).UsersPage }),
          },
          {
            path: '/admin/lead-scoring',
            lazy: async () => ({ Component: (await import('../features/leads/ScoringPolicyPage')).ScoringPolicyPage }),
          },
          {
            path: '/admin/lead-assignment',
            lazy: async () => ({
              Component: (await import('../features/leads/AssignmentRulesPage')).AssignmentRulesPage,
            }),
          },
          { path: '*', element: <Navigate to="/today" replace /> },
        ],
      },
    ],
  },
]);
