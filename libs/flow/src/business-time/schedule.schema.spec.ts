import { scheduleSchema } from './schedule.schema';

const valid = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: [{ start: '09:00', end: '17:00' }], fri: [{ start: '22:00', end: '06:00' }] },
  holidays: ['2026-12-25'],
};

describe('scheduleSchema', () => {
  it('accepts day, overnight and 24:00 openings and defaults holidays', () => {
    expect(scheduleSchema.safeParse(valid).success).toBe(true);
    const parsed = scheduleSchema.parse({
      timeZone: 'UTC',
      weekly: {
        sat: [
          { start: '12:00', end: '18:00' },
          { start: '18:00', end: '24:00' },
        ],
      },
    });
    expect(parsed.holidays).toEqual([]);
  });

  it.each([
    ['unknown zone', { ...valid, timeZone: 'Europe/Atlantis' }, 'timeZone', /IANA/],
    [
      'bad time',
      { ...valid, weekly: { mon: [{ start: '9:00', end: '17:00' }] } },
      'weekly.mon.0.start',
      /HH:mm/,
    ],
    [
      '25:00',
      { ...valid, weekly: { mon: [{ start: '09:00', end: '25:00' }] } },
      'weekly.mon.0.end',
      /HH:mm/,
    ],
    [
      'empty opening',
      { ...valid, weekly: { mon: [{ start: '09:00', end: '09:00' }] } },
      'weekly.mon.0.end',
      /same/,
    ],
    [
      'starts at 24:00',
      { ...valid, weekly: { mon: [{ start: '24:00', end: '09:00' }] } },
      'weekly.mon.0.start',
      /00:00/,
    ],
    [
      'typo in a day',
      { ...valid, weekly: { monday: [{ start: '09:00', end: '17:00' }] } },
      'weekly',
      /monday/,
    ],
    [
      'overlapping openings',
      {
        ...valid,
        weekly: {
          mon: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '17:00' },
          ],
        },
      },
      'weekly.mon.1.start',
      /overlaps 09:00–13:00/,
    ],
    [
      'an opening inside an overnight shift',
      {
        ...valid,
        weekly: {
          fri: [
            { start: '20:00', end: '02:00' },
            { start: '22:00', end: '23:00' },
          ],
        },
      },
      'weekly.fri.1.start',
      /overlaps 20:00–02:00/,
    ],
    ['never open', { ...valid, weekly: {} }, 'weekly', /at least one opening/],
    ['bad holiday', { ...valid, holidays: ['25.12.2026'] }, 'holidays.0', /2026-12-25/],
  ])('refuses %s', (_label, input, path, message) => {
    const result = scheduleSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message ?? JSON.stringify(result.error?.issues)).toMatch(message);
  });
});
