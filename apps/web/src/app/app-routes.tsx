import { Navigate, type RouteObject } from 'react-router';
import { AuthGate } from '../features/auth/auth-gate';
import { FlowListPage } from '../features/flows/flow-list.page';
import { LeadListPage } from '../features/leads/lead-list.page';
import { LeadPage } from '../features/leads/lead.page';
import { PeoplePage } from '../features/settings/people.page';
import { SchedulesPage } from '../features/settings/schedules.page';
import { SourcesPage } from '../features/settings/sources.page';
import { TeamsPage } from '../features/settings/teams.page';
import { LoadingState } from '../ui/loading-state';
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
    // Shown while a lazily loaded page (dashboard, flow canvas) is fetched on the first visit.
    hydrateFallbackElement: <LoadingState label="Loading Baton…" fullPage />,
    children: [
      { index: true, element: <Navigate to="/leads" replace /> },
      // Signed-out visitors see the login page wherever they are; signed-in ones skip it.
      { path: 'login', element: <Navigate to="/leads" replace /> },
      { path: 'leads', element: <LeadListPage /> },
      { path: 'leads/:leadId', element: <LeadPage /> },
      // The chart (recharts) and canvas (React Flow) pages are heavy: loaded when first opened.
      {
        path: 'dashboard',
        lazy: async () => ({
          Component: (await import('../features/dashboard/dashboard.page')).DashboardPage,
        }),
      },
      { path: 'flows', element: <FlowListPage /> },
      {
        path: 'flows/:flowId',
        lazy: async () => ({ Component: (await import('../features/flows/flow.page')).FlowPage }),
      },
      { path: 'settings/people', element: <PeoplePage /> },
      { path: 'settings/sources', element: <SourcesPage /> },
      { path: 'settings/teams', element: <TeamsPage /> },
      { path: 'settings/schedules', element: <SchedulesPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
