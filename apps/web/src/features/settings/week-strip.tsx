import type { SchedulePreview } from '@baton/api-contract';
import { DateTime } from 'luxon';

interface WeekStripProps {
  preview: SchedulePreview;
  holidayNames: Record<string, string>;
  holidays: readonly string[];
  /** The viewer's zone; their own times are added when it differs from the schedule's. */
  viewerZone: string;
  now: Date;
}

interface DayRow {
  date: string;
  label: string;
  isToday: boolean;
  holiday: string | null;
  /** Openings clipped to the day: position and width in % of the day, and their wall times. */
  segments: { left: number; width: number; local: string; viewer: string }[];
  nowAt: number | null;
}

const hhmm = (t: DateTime) => t.toFormat('HH:mm');

/** End times on the next midnight read as 24:00, as people write closing times. */
const endLabel = (end: DateTime, dayEnd: DateTime) => (end >= dayEnd ? '24:00' : hhmm(end));

export function weekRows(
  preview: SchedulePreview,
  holidays: readonly string[],
  holidayNames: Record<string, string>,
  viewerZone: string,
  now: Date,
): DayRow[] {
  const zone = preview.timeZone;
  const start = DateTime.fromISO(preview.from, { zone }).startOf('day');
  const openings = preview.openings.map((o) => ({
    start: DateTime.fromISO(o.start, { zone }),
    end: DateTime.fromISO(o.end, { zone }),
  }));
  const nowZoned = DateTime.fromJSDate(now, { zone });
  return Array.from({ length: 7 }, (_, d) => {
    const dayStart = start.plus({ days: d });
    const dayEnd = dayStart.plus({ days: 1 });
    const span = dayEnd.toMillis() - dayStart.toMillis();
    const at = (t: DateTime) => ((t.toMillis() - dayStart.toMillis()) / span) * 100;
    const date = dayStart.toISODate() ?? '';
    const segments = openings
      .filter((o) => o.start < dayEnd && o.end > dayStart)
      .map((o) => {
        const from = o.start < dayStart ? dayStart : o.start;
        const to = o.end > dayEnd ? dayEnd : o.end;
        const mine = (t: DateTime) => hhmm(t.setZone(viewerZone));
        return {
          left: at(from),
          width: at(to) - at(from),
          local: `${hhmm(from)}–${endLabel(to, dayEnd)}`,
          viewer: `${mine(from)}–${mine(to)}`,
        };
      });
    const isToday = nowZoned >= dayStart && nowZoned < dayEnd;
    return {
      date,
      label: dayStart.toFormat('ccc d LLL'),
      isToday,
      holiday: holidays.includes(date) ? (holidayNames[date] ?? 'Holiday') : null,
      segments,
      nowAt: isToday ? at(nowZoned) : null,
    };
  });
}

/** How far the viewer's clock is from the schedule's, in words, or null when they agree. */
export function zoneDifference(zone: string, viewerZone: string, now: Date): string | null {
  const offset = (z: string) => DateTime.fromJSDate(now, { zone: z }).offset;
  const minutes = offset(viewerZone) - offset(zone);
  if (minutes === 0) return null;
  const hours = Math.abs(minutes) / 60;
  const amount = Number.isInteger(hours) ? `${hours} h` : `${hours.toFixed(1)} h`;
  return `your time (${viewerZone}) is ${amount} ${minutes > 0 ? 'ahead' : 'behind'}`;
}

/**
 * Open or closed at `now`, from the openings themselves: the preview starts at midnight, so its
 * `openAtFrom` describes midnight, not now.
 */
export function nowStatus(preview: SchedulePreview, now: Date): string {
  const zone = preview.timeZone;
  const at = now.toISOString();
  const current = preview.openings.find((o) => o.start <= at && at < o.end);
  const local = (iso: string) => DateTime.fromISO(iso, { zone });
  if (current) return `Open now, until ${hhmm(local(current.end))}.`;
  const next = preview.openings.find((o) => o.start > at);
  return next
    ? `Closed now; opens ${local(next.start).toFormat('ccc HH:mm')}.`
    : 'Closed for the rest of the week.';
}

const ticks = [0, 6, 12, 18, 24];

/** The week a schedule is open, as a picture: one bar per day, open hours shaded. */
export function WeekStrip({ preview, holidays, holidayNames, viewerZone, now }: WeekStripProps) {
  const rows = weekRows(preview, holidays, holidayNames, viewerZone, now);
  const difference = zoneDifference(preview.timeZone, viewerZone, now);
  return (
    <figure className="week-strip">
      <figcaption className="source-hint">
        The next 7 days in {preview.timeZone}
        {difference ? `; ${difference}` : ''}. {nowStatus(preview, now)}
      </figcaption>
      <div className="week-strip-axis" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ left: `${(t / 24) * 100}%` }}>
            {String(t).padStart(2, '0')}
          </span>
        ))}
      </div>
      <ol className="week-strip-days">
        {rows.map((row) => (
          <li
            key={row.date}
            className={`week-strip-day${row.isToday ? ' is-today' : ''}${row.holiday ? ' is-holiday' : ''}`}
            data-testid="week-strip-day"
          >
            <span className="week-strip-label">
              {row.label}
              {row.isToday && <span className="week-strip-today"> Today</span>}
            </span>
            <span className="week-strip-bar" aria-hidden="true">
              {row.segments.map((s) => (
                <span
                  key={s.left}
                  className="week-strip-open"
                  style={{ left: `${s.left}%`, width: `${s.width}%` }}
                  title={s.local}
                />
              ))}
              {row.nowAt !== null && (
                <span className="week-strip-now" style={{ left: `${row.nowAt}%` }} />
              )}
            </span>
            <span className="week-strip-hours">
              {row.holiday ? (
                `Holiday: ${row.holiday}`
              ) : row.segments.length === 0 ? (
                'Closed'
              ) : (
                <>
                  {row.segments.map((s) => s.local).join(', ')}
                  {difference && (
                    <span className="week-strip-viewer">
                      your time {row.segments.map((s) => s.viewer).join(', ')}
                    </span>
                  )}
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
