import { Navigate, type RouteObject } from 'react-router';
import { AuthGate } from '../features/auth/auth-gate';
import { LeadListPage } from '../features/leads/lead-list.page';
import { LeadPage } from '../features/leads/lead.page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found.page';
import { RouteErrorPage } from './route-error.page';

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: (
      <AuthGate>
        <AppShell />
      </AuthGate>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/leads" replace /> },
      // Signed-out visitors see the login page wherever they are; signed-in ones skip it.
      { path: 'login', element: <Navigate to="/leads" replace /> },
      { path: 'leads', element: <LeadListPage /> },
      { path: 'leads/:leadId', element: <LeadPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
