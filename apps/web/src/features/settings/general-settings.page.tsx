import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { useCurrentUser } from '../auth/current-user-context';
import { fetchSettings, settingsKeys } from './general-settings.api';
import { GeneralSettingsForm } from './general-settings-form';
import { SettingsNav } from './settings-nav';
import { fetchSchedules, teamKeys } from './teams.api';
import './system-settings.css';

/** The deal value behind the revenue-leak figure and the default business hours. */
export function GeneralSettingsPage() {
  const user = useCurrentUser();
  const settings = useQuery({
    queryKey: settingsKeys.all,
    queryFn: ({ signal }) => fetchSettings(signal),
  });
  const schedules = useQuery({
    queryKey: teamKeys.schedules,
    queryFn: ({ signal }) => fetchSchedules(signal),
  });
  return (
    <div className="system-settings-page">
      <SettingsNav />
      <header>
        <h1>General settings</h1>
        <p className="system-settings-lede">
          Numbers and hours that apply to the whole install: the dashboard and every flow use them.
        </p>
      </header>
      {settings.isPending || schedules.isPending ? (
        <LoadingState label="Loading settings…" />
      ) : settings.isError || schedules.isError ? (
        <ErrorNotice
          title="Settings could not be loaded"
          message={errorMessage(settings.error ?? schedules.error)}
          onRetry={() => {
            void settings.refetch();
            void schedules.refetch();
          }}
        />
      ) : (
        <GeneralSettingsForm
          saved={settings.data}
          schedules={schedules.data.items}
          readOnly={user.role !== 'admin'}
        />
      )}
    </div>
  );
}
