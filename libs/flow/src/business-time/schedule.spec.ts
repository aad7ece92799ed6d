import { alwaysOpen, weekdaySchedule } from '../../test/make-schedule.util';
import { isOpen, nextClosing, nextOpening } from './schedule';
import type { Schedule } from './schedule.schema';

const at = (iso: string): Date => new Date(iso);

describe('isOpen', () => {
  const ny = weekdaySchedule('America/New_York');

  it.each([
    // Mon 9 Mar 2026 is the first weekday after the spring-forward Sunday (EDT, UTC-4).
    ['2026-03-09T13:00:00Z', true, '09:00 EDT opens'],
    ['2026-03-09T12:59:59Z', false, 'a second before opening'],
    ['2026-03-09T20:59:59Z', true, '16:59:59 EDT'],
    ['2026-03-09T21:00:00Z', false, '17:00 EDT closes'],
    // Fri 6 Mar 2026 is still EST (UTC-5): the same wall hours are an hour later in UTC.
    ['2026-03-06T13:30:00Z', false, '08:30 EST'],
    ['2026-03-06T14:00:00Z', true, '09:00 EST'],
    ['2026-03-07T15:00:00Z', false, 'Saturday'],
    ['2026-03-08T15:00:00Z', false, 'Sunday'],
  ])('%s → %s (%s)', (iso, open) => {
    expect(isOpen(ny, at(iso))).toBe(open);
  });

  it('handles split shifts', () => {
    const split = weekdaySchedule('UTC', [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(isOpen(split, at('2026-03-10T11:59:00Z'))).toBe(true);
    expect(isOpen(split, at('2026-03-10T12:30:00Z'))).toBe(false);
    expect(isOpen(split, at('2026-03-10T13:00:00Z'))).toBe(true);
  });

  it('merges overlapping openings', () => {
    const overlapping = weekdaySchedule('UTC', [
      { start: '09:00', end: '13:00' },
      { start: '12:00', end: '17:00' },
    ]);
    expect(nextClosing(overlapping, at('2026-03-10T09:00:00Z'))).toEqual(
      at('2026-03-10T17:00:00Z'),
    );
  });

  it('runs an overnight shift into the next morning', () => {
    const nights: Schedule = {
      timeZone: 'Europe/Berlin',
      weekly: { fri: [{ start: '22:00', end: '06:00' }] },
    };
    // Fri 13 Mar 2026, Berlin is UTC+1.
    expect(isOpen(nights, at('2026-03-13T20:59:00Z'))).toBe(false);
    expect(isOpen(nights, at('2026-03-13T21:00:00Z'))).toBe(true);
    expect(isOpen(nights, at('2026-03-14T04:59:00Z'))).toBe(true);
    expect(isOpen(nights, at('2026-03-14T05:00:00Z'))).toBe(false);
    expect(nextClosing(nights, at('2026-03-13T22:00:00Z'))).toEqual(at('2026-03-14T05:00:00Z'));
  });

  it('closes on holidays, including the tail of a shift that started the evening before', () => {
    const nights: Schedule = {
      timeZone: 'Europe/Berlin',
      weekly: { thu: [{ start: '22:00', end: '06:00' }], fri: [{ start: '09:00', end: '17:00' }] },
      holidays: ['2026-12-25'],
    };
    // Thu 24 Dec 23:00 CET is open; Fri 25 Dec is a holiday all day.
    expect(isOpen(nights, at('2026-12-24T22:00:00Z'))).toBe(true);
    expect(isOpen(nights, at('2026-12-25T01:00:00Z'))).toBe(false);
    expect(isOpen(nights, at('2026-12-25T10:00:00Z'))).toBe(false);
  });

  it('treats 24:00 as midnight at the end of the day', () => {
    const lateFriday: Schedule = {
      timeZone: 'UTC',
      weekly: { fri: [{ start: '18:00', end: '24:00' }] },
    };
    expect(isOpen(lateFriday, at('2026-03-13T23:59:59Z'))).toBe(true);
    expect(isOpen(lateFriday, at('2026-03-14T00:00:00Z'))).toBe(false);
  });

  it('opens an interval that starts in a spring-forward gap when the clock lands after it', () => {
    // 8 Mar 2026, New York: 02:00 EST jumps to 03:00 EDT (07:00Z); 02:30 does not exist.
    const gap: Schedule = {
      timeZone: 'America/New_York',
      weekly: { sun: [{ start: '02:30', end: '04:00' }] },
    };
    expect(isOpen(gap, at('2026-03-08T06:59:00Z'))).toBe(false);
    expect(isOpen(gap, at('2026-03-08T07:00:00Z'))).toBe(true);
    expect(nextOpening(gap, at('2026-03-08T00:00:00Z'))).toEqual(at('2026-03-08T07:00:00Z'));
    expect(nextClosing(gap, at('2026-03-08T07:00:00Z'))).toEqual(at('2026-03-08T08:00:00Z'));
  });
});

describe('nextOpening', () => {
  const berlin = weekdaySchedule(
    'Europe/Berlin',
    [{ start: '09:00', end: '17:00' }],
    ['2026-12-25'],
  );

  it('returns the instant itself when open', () => {
    expect(nextOpening(berlin, at('2026-03-10T10:00:00Z'))).toEqual(at('2026-03-10T10:00:00Z'));
  });

  it.each([
    ['after closing, the next morning', '2026-03-10T17:00:00Z', '2026-03-11T08:00:00Z'],
    ['before opening, the same morning', '2026-03-10T05:00:00Z', '2026-03-10T08:00:00Z'],
    ['Friday evening, Monday morning', '2026-03-13T18:00:00Z', '2026-03-16T08:00:00Z'],
    // Berlin springs forward on Sun 29 Mar 2026: Monday 09:00 is CEST (UTC+2).
    ['across spring forward', '2026-03-27T17:00:00Z', '2026-03-30T07:00:00Z'],
    // and falls back on Sun 25 Oct 2026: Monday 09:00 is CET (UTC+1).
    ['across fall back', '2026-10-23T16:00:00Z', '2026-10-26T08:00:00Z'],
    ['skipping a holiday', '2026-12-24T17:00:00Z', '2026-12-28T08:00:00Z'],
  ])('%s', (_label, from, expected) => {
    expect(nextOpening(berlin, at(from))).toEqual(at(expected));
  });

  it('returns null when the schedule never opens', () => {
    const never: Schedule = { timeZone: 'UTC', weekly: {} };
    expect(nextOpening(never, at('2026-03-10T10:00:00Z'))).toBeNull();
  });

  it('returns null when holidays cover every open day for two years', () => {
    const holidays = Array.from({ length: 120 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 5 + i * 7)).toISOString().slice(0, 10),
    );
    const mondaysOnly: Schedule = {
      timeZone: 'UTC',
      weekly: { mon: [{ start: '09:00', end: '17:00' }] },
      holidays,
    };
    expect(nextOpening(mondaysOnly, at('2026-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('nextClosing', () => {
  it('is null when closed, or when open round the clock', () => {
    expect(nextClosing(weekdaySchedule('UTC'), at('2026-03-14T10:00:00Z'))).toBeNull();
    expect(nextClosing(alwaysOpen('Europe/Berlin'), at('2026-03-10T10:00:00Z'))).toBeNull();
  });

  it('is the end of the current opening', () => {
    expect(nextClosing(weekdaySchedule('America/New_York'), at('2026-11-02T15:00:00Z'))).toEqual(
      at('2026-11-02T22:00:00Z'),
    );
  });
});
