import { previewWeek } from './schedule-preview';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('previewWeek', () => {
  const officeHours = {
    timeZone: 'Europe/Berlin',
    weekly: {
      mon: [{ start: '09:00', end: '17:00' }],
      tue: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      fri: [{ start: '22:00', end: '06:00' }],
    },
    holidays: [],
  };

  it('lists every opening of the week in order, from a closed moment', () => {
    // Sunday 2026-11-22 12:00 UTC: closed.
    const p = previewWeek(officeHours, new Date('2026-11-22T12:00:00Z'));
    expect(p.openAtFrom).toBe(false);
    expect(iso(p.nextOpening)).toBe('2026-11-23T08:00:00.000Z');
    expect(p.nextClosing).toBeNull();
    expect(p.openings.map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ['2026-11-23T08:00:00.000Z', '2026-11-23T16:00:00.000Z'],
      ['2026-11-24T08:00:00.000Z', '2026-11-24T11:00:00.000Z'],
      ['2026-11-24T12:00:00.000Z', '2026-11-24T16:00:00.000Z'],
      ['2026-11-27T21:00:00.000Z', '2026-11-28T05:00:00.000Z'],
    ]);
    expect(iso(p.to)).toBe('2026-11-29T12:00:00.000Z');
  });

  it('clips an opening already running at the start', () => {
    const p = previewWeek(officeHours, new Date('2026-11-23T10:00:00Z'));
    expect(p.openAtFrom).toBe(true);
    expect(iso(p.nextClosing)).toBe('2026-11-23T16:00:00.000Z');
    expect(p.openings[0]).toEqual({
      start: new Date('2026-11-23T10:00:00Z'),
      end: new Date('2026-11-23T16:00:00Z'),
    });
  });

  it('skips holidays and covers round-the-clock schedules with one opening', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const always = {
      timeZone: 'UTC',
      weekly: {
        mon: allDay,
        tue: allDay,
        wed: allDay,
        thu: allDay,
        fri: allDay,
        sat: allDay,
        sun: allDay,
      },
    };
    const from = new Date('2026-11-23T00:00:00Z');
    expect(previewWeek(always, from).openings).toEqual([
      { start: from, end: new Date('2026-11-30T00:00:00Z') },
    ]);

    const withHoliday = { ...officeHours, holidays: ['2026-11-23'] };
    const p = previewWeek(withHoliday, new Date('2026-11-22T12:00:00Z'));
    expect(iso(p.openings[0]?.start ?? null)).toBe('2026-11-24T08:00:00.000Z');
  });
});
