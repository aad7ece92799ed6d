import type { DraftHoliday, DraftIssues } from './schedule-draft';

interface HolidaysEditorProps {
  holidays: DraftHoliday[];
  issues: DraftIssues;
  onChange: (holidays: DraftHoliday[]) => void;
}

/** Whole dates (in the schedule's zone) on which it is closed all day, each with a name. */
export function HolidaysEditor({ holidays, issues, onChange }: HolidaysEditorProps) {
  const change = (index: number, patch: Partial<DraftHoliday>) =>
    onChange(holidays.map((h, n) => (n === index ? { ...h, ...patch } : h)));
  return (
    <fieldset className="holidays" aria-describedby="holidays-hint">
      <legend className="field-label">Holidays</legend>
      <p className="source-hint" id="holidays-hint">
        Closed all day, whatever the weekly hours say.
      </p>
      {holidays.length === 0 && <p className="weekly-closed">No holidays yet.</p>}
      {holidays.map((holiday, index) => {
        const dateProblem = issues.get(`holidays.${index}`);
        const nameProblem = holiday.date ? issues.get(`holidayNames.${holiday.date}`) : undefined;
        const problem = dateProblem ?? nameProblem;
        const problemId = `holiday-${index}-problem`;
        const which = `holiday ${index + 1}`;
        return (
          <div className="holiday-row" key={index}>
            <input
              type="date"
              aria-label={`Date of ${which}`}
              value={holiday.date}
              aria-invalid={dateProblem ? true : undefined}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => change(index, { date: event.target.value })}
            />
            <input
              aria-label={`Name of ${which}`}
              placeholder="e.g. Christmas Day"
              maxLength={100}
              value={holiday.name}
              aria-invalid={nameProblem ? true : undefined}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => change(index, { name: event.target.value })}
            />
            <button
              type="button"
              className="button button-quiet"
              aria-label={`Remove ${holiday.name || holiday.date || which}`}
              onClick={() => onChange(holidays.filter((_, n) => n !== index))}
            >
              Remove
            </button>
            {problem && (
              <span className="field-error holiday-note" id={problemId}>
                {problem}
              </span>
            )}
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => onChange([...holidays, { date: '', name: '' }])}
        >
          Add a holiday
        </button>
      </div>
    </fieldset>
  );
}
