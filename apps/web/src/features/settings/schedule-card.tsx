import type { ScheduleView } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-request-error';
import { weekSummary } from './schedule-draft';
import { ScheduleWeek } from './schedule-week';
import { deleteSchedule } from './schedules.api';
import { teamKeys } from './teams.api';

interface ScheduleCardProps {
  schedule: ScheduleView;
  onEdit: () => void;
  onDeleted: (message: string) => void;
}

/** Who follows the schedule, in words. */
function usedByText({ usedBy }: ScheduleView): string {
  const parts = [
    usedBy.teamNames.length > 0
      ? `${usedBy.teamNames.length === 1 ? 'team' : 'teams'} ${usedBy.teamNames.join(', ')}`
      : null,
    usedBy.users > 0 ? `${usedBy.users} ${usedBy.users === 1 ? 'person' : 'people'}` : null,
    usedBy.flows.length > 0
      ? `${usedBy.flows.length === 1 ? 'flow' : 'flows'} ${usedBy.flows.join(', ')} (hours, delays or SLAs)`
      : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'Nothing yet: give it to a team or a flow’s SLA';
}

/** One schedule: its week at a glance, what uses it, and the week ahead drawn from the API. */
export function ScheduleCard({ schedule, onEdit, onDeleted }: ScheduleCardProps) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteSchedule(schedule.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.schedules });
      onDeleted(`${schedule.name} is deleted.`);
    },
  });
  const titleId = `schedule-${schedule.id}-title`;
  return (
    <article className="card source-card" aria-labelledby={titleId} data-testid="schedule-card">
      <header className="source-card-header">
        <div>
          <h2 id={titleId}>{schedule.name}</h2>
          <p className="source-meta">{schedule.timeZone}</p>
        </div>
        <div className="source-form-actions">
          <button type="button" className="button" onClick={onEdit}>
            Edit
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the schedule ${schedule.name}?`)) remove.mutate();
            }}
          >
            {remove.isPending ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      </header>
      {remove.isError && (
        <p role="alert" className="field-error">
          Not deleted: {errorMessage(remove.error)}
        </p>
      )}
      <dl className="source-facts">
        <dt>Hours</dt>
        <dd>{weekSummary(schedule.weekly)}</dd>
        <dt>Holidays</dt>
        <dd>
          {schedule.holidays.length > 0
            ? schedule.holidays
                .map((d) => (schedule.holidayNames[d] ? `${schedule.holidayNames[d]} (${d})` : d))
                .join(', ')
            : 'None'}
        </dd>
        <dt>Used by</dt>
        <dd>{usedByText(schedule)}</dd>
      </dl>
      <ScheduleWeek schedule={schedule} />
    </article>
  );
}
