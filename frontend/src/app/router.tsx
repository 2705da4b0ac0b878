import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { ContactDetailPage } from '../features/contacts/ContactDetailPage';
import { ContactListPage } from '../features/contacts/ContactListPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './AppLayout';
import { RequireSession } from './RequireSession';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession><AppLayout /></RequireSession>,
    children: [
      { index: true, element: <Navigate to="/contacts" replace /> },
      { path: '/contacts', element: <ContactListPage /> },
      { path: '/contacts/:id', element: <ContactDetailPage /> },
      { path: '/leads', element: <LeadsPage /> },
      { path: '/admin/users', element: <UsersPage /> },
      { path: '*', element: <Navigate to="/contacts" replace /> },
    ],
  },
]);
