import { isOpen, type Schedule } from '@baton/flow';
import { openingsBetween, toMultirangeLiteral } from './after-hours';

const inOpenings = (openings: { start: Date; end: Date }[], at: Date) =>
  openings.some((o) => o.start <= at && at < o.end);

describe('openingsBetween', () => {
  const weekdaysNy: Schedule = {
    timeZone: 'America/New_York',
    weekly: {
      mon: [{ start: '09:00', end: '17:00' }],
      tue: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      wed: [{ start: '09:00', end: '17:00' }],
      thu: [{ start: '09:00', end: '17:00' }],
      fri: [{ start: '09:00', end: '17:00' }],
    },
    holidays: ['2026-03-11'],
  };
  const roundTheClock: Schedule = {
    timeZone: 'UTC',
    weekly: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
        d,
        [{ start: '00:00', end: '24:00' }],
      ]),
    ),
  };
  const schedules: Record<string, Schedule> = {
    'weekdays in New York with a holiday': weekdaysNy,
    'night shift in Berlin': {
      timeZone: 'Europe/Berlin',
      weekly: { fri: [{ start: '22:00', end: '06:00' }], sat: [{ start: '00:00', end: '24:00' }] },
    },
    'round the clock': roundTheClock,
  };

  // Across the US and EU daylight-saving switches (8 and 29 March 2026).
  const from = new Date('2026-03-01T00:00:00Z');
  const to = new Date('2026-04-05T00:00:00Z');

  it.each(Object.entries(schedules))('agrees with isOpen at every instant: %s', (_, schedule) => {
    const openings = openingsBetween(schedule, from, to);
    for (let t = from.getTime(); t < to.getTime(); t += 7 * 60_000 + 13_000) {
      const at = new Date(t);
      expect([at.toISOString(), inOpenings(openings, at)]).toEqual([
        at.toISOString(),
        isOpen(schedule, at),
      ]);
    }
    for (const o of openings) {
      // Both ends of each opening: open at its start, closed at its end (unless clipped or joined).
      expect(isOpen(schedule, o.start)).toBe(true);
      expect(isOpen(schedule, new Date(o.end.getTime() - 1))).toBe(true);
    }
  });

  it('clips to the window and covers a round-the-clock schedule without gaps', () => {
    const openings = openingsBetween(roundTheClock, from, to);
    expect(openings[0]?.start).toEqual(from);
    expect(openings.at(-1)?.end).toEqual(to);
    openings.slice(1).forEach((o, i) => expect(o.start).toEqual(openings[i]?.end));
  });

  it('writes a tstzmultirange literal', () => {
    expect(
      toMultirangeLiteral([
        { start: new Date('2026-03-02T09:00:00Z'), end: new Date('2026-03-02T17:00:00Z') },
      ]),
    ).toBe('{[2026-03-02T09:00:00.000Z,2026-03-02T17:00:00.000Z)}');
    expect(toMultirangeLiteral([])).toBe('{}');
  });

  it('walks a year of weekday openings quickly', () => {
    const started = performance.now();
    const openings = openingsBetween(
      weekdaysNy,
      new Date('2025-03-01T00:00:00Z'),
      new Date('2026-03-02T00:00:00Z'),
    );
    expect(openings.length).toBeGreaterThan(250);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
