import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { SessionsPage } from '../features/auth/SessionsPage';
import { ContactDetailPage } from '../features/contacts/ContactDetailPage';
import { ContactListPage } from '../features/contacts/ContactListPage';
import { AssignmentRulesPage } from '../features/leads/AssignmentRulesPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { ScoringPolicyPage } from '../features/leads/ScoringPolicyPage';
import { ComplaintPage } from '../features/complaints/ComplaintPage';
import { ComplaintsPage } from '../features/complaints/ComplaintsPage';
import { LoyaltyPage } from '../features/loyalty/LoyaltyPage';
import { TiersPage } from '../features/tiers/TiersPage';
import { TodayPage } from '../features/today/TodayPage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './AppLayout';
import { RequireSession } from './RequireSession';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: '/today', element: <TodayPage /> },
      { path: '/contacts', element: <ContactListPage /> },
      { path: '/contacts/:id', element: <ContactDetailPage /> },
      { path: '/leads', element: <LeadsPage /> },
      { path: '/tiers', element: <TiersPage /> },
      { path: '/loyalty', element: <LoyaltyPage /> },
      { path: '/complaints', element: <ComplaintsPage /> },
      { path: '/complaints/:id', element: <ComplaintPage /> },
      { path: '/account/sessions', element: <SessionsPage /> },
      { path: '/admin/users', element: <UsersPage /> },
      { path: '/admin/lead-scoring', element: <ScoringPolicyPage /> },
      { path: '/admin/lead-assignment', element: <AssignmentRulesPage /> },
      { path: '*', element: <Navigate to="/today" replace /> },
    ],
  },
]);
