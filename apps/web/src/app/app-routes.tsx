import { Navigate, type RouteObject } from 'react-router';
import { AcceptInvitationPage } from '../features/auth/accept-invitation.page';
import { ApiTokensPage } from '../features/api-tokens/api-tokens.page';
import { AuthGate } from '../features/auth/auth-gate';
import { FlowListPage } from '../features/flows/flow-list.page';
import { LeadListPage } from '../features/leads/lead-list.page';
import { LeadPage } from '../features/leads/lead.page';
import { AuditLogPage } from '../features/settings/audit-log.page';
import { GeneralSettingsPage } from '../features/settings/general-settings.page';
import { PeoplePage } from '../features/settings/people.page';
import { SchedulesPage } from '../features/settings/schedules.page';
import { SourcesPage } from '../features/settings/sources.page';
import { SystemStatusPage } from '../features/settings/system-status.page';
import { TeamsPage } from '../features/settings/teams.page';
import { LoadingState } from '../ui/loading-state';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found.page';
import { RouteErrorPage } from './route-error.page';

export const appRoutes: RouteObject[] = [
  // Opened from an invitation email by someone without a password yet: outside the sign-in gate.
  { path: '/invite/:token', element: <AcceptInvitationPage />, errorElement: <RouteErrorPage /> },
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
      { path: 'settings', element: <Navigate to="/settings/people" replace /> },
      { path: 'settings/people', element: <PeoplePage /> },
      { path: 'settings/sources', element: <SourcesPage /> },
      { path: 'settings/teams', element: <TeamsPage /> },
      { path: 'settings/tokens', element: <ApiTokensPage /> },
      { path: 'settings/general', element: <GeneralSettingsPage /> },
      { path: 'settings/audit', element: <AuditLogPage /> },
      { path: 'settings/status', element: <SystemStatusPage /> },
      { path: 'settings/schedules', element: <SchedulesPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
