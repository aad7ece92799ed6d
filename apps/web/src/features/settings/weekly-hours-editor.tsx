import { type Weekday, weekdays } from '@baton/flow';
import { type DraftInterval, type DraftIssues, isOvernight, weekdayNames } from './schedule-draft';

interface WeeklyHoursEditorProps {
  days: Record<Weekday, DraftInterval[]>;
  issues: DraftIssues;
  onChange: (days: Record<Weekday, DraftInterval[]>) => void;
  onCopyMonday: () => void;
}

const nextDay = (day: Weekday): string =>
  weekdayNames[weekdays[(weekdays.indexOf(day) + 1) % weekdays.length] as Weekday];

/** Per weekday: closed, or one or more openings (24-hour HH:mm; 24:00 closes at midnight). */
export function WeeklyHoursEditor({
  days,
  issues,
  onChange,
  onCopyMonday,
}: WeeklyHoursEditorProps) {
  const setDay = (day: Weekday, intervals: DraftInterval[]) =>
    onChange({ ...days, [day]: intervals });
  const weekProblem = issues.get('weekly');
  return (
    <fieldset className="weekly-hours" aria-describedby="weekly-hours-hint">
      <legend className="field-label">Weekly hours</legend>
      <p className="source-hint" id="weekly-hours-hint">
        24-hour times. A closing time before the opening runs overnight into the next day; 24:00
        closes at midnight.
      </p>
      {weekProblem && (
        <p className="field-error" role="alert">
          {weekProblem}
        </p>
      )}
      {weekdays.map((day) => {
        const intervals = days[day];
        const open = intervals.length > 0;
        return (
          <div className="weekly-day" key={day} data-testid={`weekly-${day}`}>
            <label className="weekly-day-name">
              <input
                type="checkbox"
                checked={open}
                onChange={(event) =>
                  setDay(day, event.target.checked ? [{ start: '09:00', end: '17:00' }] : [])
                }
              />
              {weekdayNames[day]}
            </label>
            <div className="weekly-day-hours">
              {!open && <span className="weekly-closed">Closed</span>}
              {intervals.map((interval, index) => {
                const path = `weekly.${day}.${index}`;
                const problem = issues.get(`${path}.start`) ?? issues.get(`${path}.end`);
                const problemId = `${path}-problem`;
                const which = intervals.length > 1 ? ` (opening ${index + 1})` : '';
                const change = (patch: Partial<DraftInterval>) =>
                  setDay(
                    day,
                    intervals.map((i, n) => (n === index ? { ...i, ...patch } : i)),
                  );
                return (
                  <div className="weekly-interval" key={index}>
                    <input
                      className="weekly-time"
                      inputMode="numeric"
                      maxLength={5}
                      placeholder="09:00"
                      aria-label={`${weekdayNames[day]} opens${which}`}
                      aria-invalid={issues.has(`${path}.start`) ? true : undefined}
                      aria-describedby={problem ? problemId : undefined}
                      value={interval.start}
                      onChange={(event) => change({ start: event.target.value })}
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      className="weekly-time"
                      inputMode="numeric"
                      maxLength={5}
                      placeholder="17:00"
                      aria-label={`${weekdayNames[day]} closes${which}`}
                      aria-invalid={issues.has(`${path}.end`) ? true : undefined}
                      aria-describedby={problem ? problemId : undefined}
                      value={interval.end}
                      onChange={(event) => change({ end: event.target.value })}
                    />
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Remove ${weekdayNames[day]} ${interval.start}–${interval.end}`}
                      onClick={() =>
                        setDay(
                          day,
                          intervals.filter((_, n) => n !== index),
                        )
                      }
                    >
                      Remove
                    </button>
                    {problem ? (
                      <span className="field-error weekly-note" id={problemId}>
                        {problem}
                      </span>
                    ) : (
                      isOvernight(interval) && (
                        <span className="source-hint weekly-note">
                          Overnight: until {interval.end} on {nextDay(day)}
                        </span>
                      )
                    )}
                  </div>
                );
              })}
              <button
                type="button"
                className="button button-quiet weekly-add"
                aria-label={`Add hours on ${weekdayNames[day]}`}
                onClick={() => {
                  const last = intervals[intervals.length - 1];
                  // A second opening usually follows a break: suggest the afternoon.
                  setDay(day, [
                    ...intervals,
                    last ? { start: last.end, end: '' } : { start: '09:00', end: '17:00' },
                  ]);
                }}
              >
                + Hours
              </button>
            </div>
          </div>
        );
      })}
      <div>
        <button type="button" className="button" onClick={onCopyMonday}>
          Copy Monday to weekdays
        </button>
      </div>
    </fieldset>
  );
}
