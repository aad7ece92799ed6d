import type { ScheduleView } from '@baton/api-contract';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { browserTimeZone } from './schedule-draft';
import { fetchSchedulePreview, scheduleKeys } from './schedules.api';
import { WeekStrip } from './week-strip';

/** The saved schedule's next 7 days as the API computes them (the routing engine's own code). */
export function ScheduleWeek({ schedule }: { schedule: ScheduleView }) {
  // From the start of today where the schedule is, so every row is a whole day.
  const from = DateTime.now().setZone(schedule.timeZone).startOf('day').toUTC().toISO() ?? '';
  const preview = useQuery({
    queryKey: scheduleKeys.preview(schedule.id, from),
    queryFn: ({ signal }) => fetchSchedulePreview(schedule.id, from, signal),
  });
  if (preview.isPending) return <LoadingState label="Drawing the week…" />;
  if (preview.isError) {
    return (
      <ErrorNotice
        title="The week could not be drawn"
        message={errorMessage(preview.error)}
        onRetry={() => void preview.refetch()}
      />
    );
  }
  return (
    <WeekStrip
      preview={preview.data}
      holidays={schedule.holidays}
      holidayNames={schedule.holidayNames}
      viewerZone={browserTimeZone()}
      now={new Date()}
    />
  );
}
