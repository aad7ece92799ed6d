import type { TeamReportSettings } from '@baton/api-contract';
import { weeklyReportScheduleId } from '@baton/workflows/contract';
import { type Client, type ScheduleOptions, ScheduleNotFoundError } from '@temporalio/client';

const DAY_OF_WEEK = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;

/** The Schedule for a team's settings: one calendar entry, read in the team's zone. */
export function weeklyReportScheduleOptions(
  teamId: string,
  settings: TeamReportSettings,
  taskQueue: string,
): ScheduleOptions {
  const [hour, minute] = settings.time.split(':').map(Number);
  return {
    scheduleId: weeklyReportScheduleId(teamId),
    spec: {
      calendars: [{ dayOfWeek: DAY_OF_WEEK[settings.weekday - 1], hour, minute }],
      timezone: settings.timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'weeklyReportWorkflow',
      args: [{ teamId }],
      taskQueue,
      workflowId: `weekly-report-${teamId}`,
    },
    // A missed week (Temporal down) is not worth sending late; next week's will come.
    policies: { catchupWindow: '1 hour', overlap: 'SKIP' },
    state: { paused: !settings.enabled },
  };
}

/**
 * Makes the team's Schedule match its settings: created, replaced, or (settings null) deleted.
 * Idempotent, so a retry after a partial failure converges.
 */
export async function syncWeeklyReportSchedule(
  client: Client,
  taskQueue: string,
  teamId: string,
  settings: TeamReportSettings | null,
): Promise<void> {
  const handle = client.schedule.getHandle(weeklyReportScheduleId(teamId));
  if (settings === null) {
    await handle.delete().catch((err: unknown) => {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    });
    return;
  }
  const options = weeklyReportScheduleOptions(teamId, settings, taskQueue);
  try {
    await handle.update((previous) => ({
      ...previous,
      spec: options.spec,
      action: { ...previous.action, ...options.action },
      policies: { ...previous.policies, ...options.policies },
      state: { ...previous.state, paused: !settings.enabled },
    }));
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
    await client.schedule.create(options);
  }
}
