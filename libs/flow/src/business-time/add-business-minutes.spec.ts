import fc from 'fast-check';
import { alwaysOpen, weekdaySchedule } from '../../test/make-schedule.util';
import { addBusinessMinutes } from './add-business-minutes';
import { BusinessTimeError } from './business-time.error';
import { isOpen } from './schedule';
import { weekdays, type OpenInterval, type Schedule } from './schedule.schema';

const at = (iso: string): Date => new Date(iso);

describe('addBusinessMinutes', () => {
  const ny = weekdaySchedule('America/New_York');
  const berlin = weekdaySchedule(
    'Europe/Berlin',
    [{ start: '09:00', end: '17:00' }],
    ['2026-12-25'],
  );

  it.each([
    ['within one opening', ny, '2026-03-10T13:00:00Z', 30, '2026-03-10T13:30:00Z'],
    ['from before opening', ny, '2026-03-10T10:00:00Z', 15, '2026-03-10T13:15:00Z'],
    ['across the weekend', ny, '2026-03-13T20:45:00Z', 30, '2026-03-16T13:15:00Z'],
    ['from a Saturday', ny, '2026-03-14T15:00:00Z', 60, '2026-03-16T14:00:00Z'],
    // Friday is EST (UTC-5), Monday EDT (UTC-4): 09:15 local is 13:15Z.
    [
      'across the New York spring-forward weekend',
      ny,
      '2026-03-06T21:45:00Z',
      30,
      '2026-03-09T13:15:00Z',
    ],
    // Friday 30 Oct is EDT, Monday 2 Nov EST: 09:15 local is 14:15Z.
    [
      'across the New York fall-back weekend',
      ny,
      '2026-10-30T20:45:00Z',
      30,
      '2026-11-02T14:15:00Z',
    ],
    [
      'across the Berlin spring-forward weekend',
      berlin,
      '2026-03-27T15:30:00Z',
      60,
      '2026-03-30T07:30:00Z',
    ],
    [
      'across the Berlin fall-back weekend',
      berlin,
      '2026-10-23T14:30:00Z',
      60,
      '2026-10-26T08:30:00Z',
    ],
    ['over Christmas (holiday Friday)', berlin, '2026-12-24T15:50:00Z', 20, '2026-12-28T08:10:00Z'],
    [
      'a full day lands on closing time, not the next opening',
      ny,
      '2026-03-10T13:00:00Z',
      480,
      '2026-03-10T21:00:00Z',
    ],
    [
      'zero minutes when closed gives the next opening',
      ny,
      '2026-03-14T15:00:00Z',
      0,
      '2026-03-16T13:00:00Z',
    ],
    [
      'zero minutes when open gives the start',
      ny,
      '2026-03-10T15:00:00Z',
      0,
      '2026-03-10T15:00:00Z',
    ],
  ])('%s', (_label, schedule, start, minutes, expected) => {
    expect(addBusinessMinutes(schedule, at(start), minutes)).toEqual(at(expected));
  });

  it('counts a round-the-clock day by real minutes, 23 h in spring and 25 h in autumn', () => {
    const sundays: Schedule = {
      timeZone: 'America/New_York',
      weekly: { sun: [{ start: '00:00', end: '24:00' }] },
    };
    // Sun 8 Mar 2026 00:00 EST = 05:00Z; the day has 23 hours.
    expect(addBusinessMinutes(sundays, at('2026-03-08T05:00:00Z'), 23 * 60)).toEqual(
      at('2026-03-09T04:00:00Z'),
    );
    // Sun 1 Nov 2026 00:00 EDT = 04:00Z; the day has 25 hours.
    expect(addBusinessMinutes(sundays, at('2026-11-01T04:00:00Z'), 25 * 60)).toEqual(
      at('2026-11-02T05:00:00Z'),
    );
  });

  it('counts an overnight shift that spans the spring-forward jump as 7 hours', () => {
    const nights: Schedule = {
      timeZone: 'America/New_York',
      weekly: { sat: [{ start: '22:00', end: '06:00' }] },
    };
    // Sat 7 Mar 22:00 EST = 03:00Z Sunday; Sun 06:00 EDT = 10:00Z.
    expect(addBusinessMinutes(nights, at('2026-03-08T03:00:00Z'), 7 * 60)).toEqual(
      at('2026-03-08T10:00:00Z'),
    );
    // One more minute goes to the next Saturday night, by then EDT: 22:00 EDT = 02:00Z.
    expect(addBusinessMinutes(nights, at('2026-03-08T03:00:00Z'), 7 * 60 + 1)).toEqual(
      at('2026-03-15T02:01:00Z'),
    );
  });

  it('equals wall time on a schedule that is always open', () => {
    expect(addBusinessMinutes(alwaysOpen(), at('2026-03-10T13:00:00Z'), 60 * 24 * 3)).toEqual(
      at('2026-03-13T13:00:00Z'),
    );
  });

  it('throws a clear error when the schedule never opens', () => {
    const never: Schedule = { timeZone: 'UTC', weekly: {} };
    expect(() => addBusinessMinutes(never, at('2026-03-10T10:00:00Z'), 15)).toThrow(
      BusinessTimeError,
    );
    expect(() => addBusinessMinutes(never, at('2026-03-10T10:00:00Z'), 15)).toThrow(
      /no open hours in the two years/,
    );
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s minutes', (minutes) => {
    expect(() => addBusinessMinutes(ny, at('2026-03-10T10:00:00Z'), minutes)).toThrow(
      BusinessTimeError,
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() =>
      addBusinessMinutes(weekdaySchedule('Mars/Olympus'), at('2026-03-10T10:00:00Z'), 5),
    ).toThrow(/unknown time zone/);
  });
});

describe('addBusinessMinutes properties', () => {
  const zones = [
    'UTC',
    'America/New_York',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/Sao_Paulo',
  ];
  const time = fc.integer({ min: 0, max: 96 }).map((q) => {
    const minutes = q * 15;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
  const interval: fc.Arbitrary<OpenInterval> = fc
    .record({ start: time, end: time })
    .filter((i) => i.start !== i.end && i.start !== '24:00');
  const schedule: fc.Arbitrary<Schedule> = fc
    .record({
      timeZone: fc.constantFrom(...zones),
      days: fc.array(fc.array(interval, { maxLength: 2 }), { minLength: 7, maxLength: 7 }),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 365 }), { maxLength: 10 }),
    })
    .filter(({ days }) => days.some((d) => d.length > 0))
    .map(({ timeZone, days, holidays }) => ({
      timeZone,
      weekly: Object.fromEntries(weekdays.map((d, i) => [d, days[i] ?? []])),
      holidays: holidays.map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
    }));
  // 2025–2027, at minute resolution, so DST transitions of every zone fall inside.
  const instant = fc
    .integer({ min: 0, max: 3 * 365 * 24 * 60 })
    .map((m) => new Date(Date.UTC(2025, 0, 1) + m * 60_000));
  const minutes = fc.integer({ min: 0, max: 5_000 });

  it('always lands on open time or exactly on a closing boundary', () => {
    fc.assert(
      fc.property(schedule, instant, minutes, (s, start, m) => {
        const result = addBusinessMinutes(s, start, m);
        const closingBoundary = !isOpen(s, result) && isOpen(s, new Date(result.getTime() - 1));
        return isOpen(s, result) || closingBoundary;
      }),
      { numRuns: 300 },
    );
  });

  it('never goes backwards, and adding more never ends earlier', () => {
    fc.assert(
      fc.property(schedule, instant, minutes, minutes, (s, start, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const first = addBusinessMinutes(s, start, low);
        return first >= start && addBusinessMinutes(s, start, high) >= first;
      }),
      { numRuns: 200 },
    );
  });

  it('is additive: a then b equals a + b', () => {
    fc.assert(
      fc.property(
        schedule,
        instant,
        minutes,
        fc.integer({ min: 1, max: 2_000 }),
        (s, start, a, b) => {
          const stepwise = addBusinessMinutes(s, addBusinessMinutes(s, start, a), b);
          return stepwise.getTime() === addBusinessMinutes(s, start, a + b).getTime();
        },
      ),
      { numRuns: 200 },
    );
  });
});
