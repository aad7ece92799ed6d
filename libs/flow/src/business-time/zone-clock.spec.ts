import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatMoment } from './format-moment';
import { localDateOf } from './local-date';
import { wallClockAt } from './zone-clock';

// Zones with DST, half- and quarter-hour offsets, a 30-minute DST (Lord Howe), a date-line jump
// (Apia skipped 30 Dec 2011) and pre-1900 local mean time with second offsets.
const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'America/Sao_Paulo',
  'Europe/Dublin',
];
const from = Date.parse('1880-01-01T00:00:00Z');
const to = Date.parse('2040-01-01T00:00:00Z');

describe('the zone clock reads what luxon reads', () => {
  it('agrees with DateTime.fromMillis on any instant in any of these zones', () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...zones), (ms, zone) => {
        const dt = DateTime.fromMillis(ms, { zone });
        expect(wallClockAt(ms, zone)).toEqual({
          year: dt.year,
          month: dt.month,
          day: dt.day,
          hour: dt.hour,
          minute: dt.minute,
        });
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees minute by minute across DST changes (including the ms either side)', () => {
    const changes: [string, string][] = [
      ['Europe/Berlin', '2026-03-29T00:30:00Z'],
      ['Europe/Berlin', '2026-10-25T00:30:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:30:00Z'],
      ['Pacific/Apia', '2011-12-30T09:30:00Z'],
    ];
    for (const [zone, start] of changes) {
      for (let m = 0; m < 120; m++) {
        for (const ms of [Date.parse(start) + m * 60_000 - 1, Date.parse(start) + m * 60_000]) {
          const dt = DateTime.fromMillis(ms, { zone });
          expect([zone, ms, wallClockAt(ms, zone)]).toEqual([
            zone,
            ms,
            { year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute },
          ]);
        }
      }
    }
  });

  it('formats moments exactly as luxon formats them', () => {
    const luxon = (at: Date, zone: string) =>
      `${DateTime.fromJSDate(at, { zone }).setLocale('en-GB').toFormat('ccc d LLL yyyy HH:mm')} ${zone}`;
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...zones), (ms, zone) => {
        expect(formatMoment(new Date(ms), zone)).toBe(luxon(new Date(ms), zone));
      }),
      { numRuns: 3_000 },
    );
    expect(formatMoment(new Date('2026-09-10T08:00:00Z'), 'Europe/Berlin')).toBe(
      luxon(new Date('2026-09-10T08:00:00Z'), 'Europe/Berlin'),
    );
    // What luxon says of what it cannot read stays what it says.
    expect(formatMoment(new Date(NaN))).toBe(luxon(new Date(NaN), 'UTC'));
    expect(formatMoment(new Date(0), 'Mars/Olympus')).toBe(luxon(new Date(0), 'Mars/Olympus'));
  });

  it('refuses an unknown zone as before', () => {
    expect(() => localDateOf(0, 'Mars/Olympus')).toThrow('unknown time zone "Mars/Olympus"');
    expect(() => localDateOf(NaN, 'UTC')).toThrow('unknown time zone "UTC"');
  });
});
