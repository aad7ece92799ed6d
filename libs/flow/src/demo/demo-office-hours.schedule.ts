import type { Schedule } from '../business-time/schedule.schema';

const weekday = [{ start: '09:00', end: '18:00' }];

/** The demo team's office hours (Berlin, weekdays 09:00–18:00, German public holidays 2026). */
export const demoOfficeHours: Schedule = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  holidays: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-25',
    '2026-10-03',
    '2026-12-24',
    '2026-12-25',
    '2026-12-26',
    '2026-12-31',
  ],
};
