import type { SchedulePreview } from '@baton/api-contract';
import { nowStatus, weekRows, zoneDifference } from './week-strip';

describe('weekRows', () => {
  it('draws each local day in proportion, a 23-hour day too, and cuts a night shift at midnight', () => {
    // New York, from Sunday 8 March 2026 (clocks go forward at 02:00 that day).
    const rows = weekRows(
      {
        scheduleId: '00000000-0000-4000-8000-000000000001',
        timeZone: 'America/New_York',
        from: '2026-03-08T05:00:00.000Z',
        to: '2026-03-15T05:00:00.000Z',
        openAtFrom: false,
        nextOpening: null,
        nextClosing: null,
        openings: [
          // Sunday 12:00–18:00 local (EDT, UTC-4): half of a 23-hour day starts at 11/23.
          { start: '2026-03-08T16:00:00.000Z', end: '2026-03-08T22:00:00.000Z' },
          // Monday 22:00 to Tuesday 06:00 local.
          { start: '2026-03-10T02:00:00.000Z', end: '2026-03-10T10:00:00.000Z' },
        ],
      },
      ['2026-03-12'],
      {},
      'Europe/London',
      new Date('2026-03-09T15:00:00Z'),
    );
    expect(rows.map((r) => r.label)).toEqual([
      'Sun 8 Mar',
      'Mon 9 Mar',
      'Tue 10 Mar',
      'Wed 11 Mar',
      'Thu 12 Mar',
      'Fri 13 Mar',
      'Sat 14 Mar',
    ]);
    expect(rows[0]?.segments[0]?.left).toBeCloseTo((11 / 23) * 100);
    expect(rows[0]?.segments[0]?.width).toBeCloseTo((6 / 23) * 100);
    expect(rows[1]?.segments.map((s) => s.local)).toEqual(['22:00–24:00']);
    expect(rows[1]?.isToday).toBe(true);
    expect(rows[1]?.nowAt).toBeCloseTo((11 / 24) * 100);
    expect(rows[2]?.segments.map((s) => [s.local, s.viewer])).toEqual([
      ['00:00–06:00', '04:00–10:00'],
    ]);
    expect(rows[4]?.holiday).toBe('Holiday');
  });

  it('says how far the viewer’s clock is from the schedule’s', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(zoneDifference('Europe/Berlin', 'America/New_York', now)).toBe(
      'your time (America/New_York) is 6 h behind',
    );
    expect(zoneDifference('Asia/Kolkata', 'UTC', now)).toBe('your time (UTC) is 5.5 h behind');
    expect(zoneDifference('UTC', 'Etc/UTC', now)).toBeNull();
  });
});

describe('nowStatus', () => {
  const preview: SchedulePreview = {
    scheduleId: '00000000-0000-4000-8000-000000000001',
    timeZone: 'Europe/Berlin',
    from: '2026-12-02T23:00:00.000Z',
    to: '2026-12-09T23:00:00.000Z',
    // Midnight is closed; Thursday 3 and Friday 4 are open 08:00–18:00 Berlin.
    openAtFrom: false,
    nextOpening: '2026-12-03T07:00:00.000Z',
    nextClosing: null,
    openings: [
      { start: '2026-12-03T07:00:00.000Z', end: '2026-12-03T17:00:00.000Z' },
      { start: '2026-12-04T07:00:00.000Z', end: '2026-12-04T17:00:00.000Z' },
    ],
  };

  it('reads open or closed from the openings at this moment, not from midnight', () => {
    expect(nowStatus(preview, new Date('2026-12-03T14:00:00Z'))).toBe('Open now, until 18:00.');
    expect(nowStatus(preview, new Date('2026-12-03T19:00:00Z'))).toBe(
      'Closed now; opens Fri 08:00.',
    );
    expect(nowStatus(preview, new Date('2026-12-05T19:00:00Z'))).toBe(
      'Closed for the rest of the week.',
    );
  });
});
