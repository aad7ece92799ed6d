import { type ScheduleBody, scheduleBodySchema, type ScheduleView } from '@baton/api-contract';
import { type Weekday, weekdays } from '@baton/flow';

export interface DraftInterval {
  start: string;
  end: string;
}

export interface DraftHoliday {
  date: string;
  name: string;
}

/** The schedule form as people edit it: every weekday present (empty = closed). */
export interface ScheduleDraft {
  name: string;
  timeZone: string;
  days: Record<Weekday, DraftInterval[]>;
  holidays: DraftHoliday[];
}

export const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const officeDay = (): DraftInterval[] => [{ start: '09:00', end: '17:00' }];

/** A new schedule starts as office hours in the browser's zone: closer to most than empty. */
export function newScheduleDraft(timeZone = browserTimeZone()): ScheduleDraft {
  return {
    name: '',
    timeZone,
    days: {
      mon: officeDay(),
      tue: officeDay(),
      wed: officeDay(),
      thu: officeDay(),
      fri: officeDay(),
      sat: [],
      sun: [],
    },
    holidays: [],
  };
}

export function draftFromView(view: ScheduleView): ScheduleDraft {
  const days = Object.fromEntries(
    weekdays.map((d) => [d, (view.weekly[d] ?? []).map((i) => ({ ...i }))]),
  ) as Record<Weekday, DraftInterval[]>;
  return {
    name: view.name,
    timeZone: view.timeZone,
    days,
    holidays: view.holidays.map((date) => ({ date, name: view.holidayNames[date] ?? '' })),
  };
}

/** The API body; holiday order is kept so an issue's index points back at the row. */
export function bodyFromDraft(draft: ScheduleDraft): ScheduleBody {
  const weekly: ScheduleBody['weekly'] = {};
  for (const day of weekdays) {
    if (draft.days[day].length > 0) weekly[day] = draft.days[day].map((i) => ({ ...i }));
  }
  const holidayNames: Record<string, string> = {};
  for (const h of draft.holidays) {
    if (h.name.trim() && h.date) holidayNames[h.date] = h.name.trim();
  }
  return {
    name: draft.name,
    timeZone: draft.timeZone,
    weekly,
    holidays: draft.holidays.map((h) => h.date),
    holidayNames,
  };
}

/** Field path ("weekly.mon.0.end") → message, from the API's own schema. */
export type DraftIssues = ReadonlyMap<string, string>;

export function draftIssues(draft: ScheduleDraft): DraftIssues {
  const result = scheduleBodySchema.safeParse(bodyFromDraft(draft));
  const issues = new Map<string, string>();
  if (result.success) return issues;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!issues.has(path)) issues.set(path, issue.message);
  }
  return issues;
}

/** Monday's hours on Tuesday to Friday. */
export function copyMondayToWeekdays(draft: ScheduleDraft): ScheduleDraft {
  const monday = draft.days.mon;
  const days = { ...draft.days };
  for (const day of ['tue', 'wed', 'thu', 'fri'] as const)
    days[day] = monday.map((i) => ({ ...i }));
  return { ...draft, days };
}

/** True when the opening runs past midnight into the next day (the flow language's overnight). */
export const isOvernight = (i: DraftInterval): boolean =>
  /^\d\d:\d\d$/.test(i.start) && /^\d\d:\d\d$/.test(i.end) && i.end < i.start && i.end !== '00:00';

const dayLabel: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/**
 * The week in a line, runs of days with the same hours joined: "Mon–Fri 09:00–17:00 · Sat
 * 10:00–14:00". Closed days are left out.
 */
export function weekSummary(weekly: ScheduleView['weekly']): string {
  const hoursOf = (d: Weekday) => (weekly[d] ?? []).map((i) => `${i.start}–${i.end}`).join(', ');
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= weekdays.length; i += 1) {
    const prev = weekdays[i - 1] as Weekday;
    const here = weekdays[i];
    if (here !== undefined && hoursOf(here) === hoursOf(prev)) continue;
    const first = weekdays[runStart] as Weekday;
    const hours = hoursOf(prev);
    if (hours) {
      const days = first === prev ? dayLabel[first] : `${dayLabel[first]}–${dayLabel[prev]}`;
      parts.push(`${days} ${hours}`);
    }
    runStart = i;
  }
  return parts.length > 0 ? parts.join(' · ') : 'Never open';
}
