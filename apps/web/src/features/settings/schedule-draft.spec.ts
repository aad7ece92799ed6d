import { weekSummary } from './schedule-draft';

describe('weekSummary', () => {
  it('joins runs of days with the same hours and leaves closed days out', () => {
    const nine = [{ start: '09:00', end: '17:00' }];
    expect(
      weekSummary({
        mon: nine,
        tue: nine,
        wed: nine,
        thu: [{ start: '09:00', end: '20:00' }],
        fri: nine,
        sun: [
          { start: '10:00', end: '12:00' },
          { start: '13:00', end: '15:00' },
        ],
      }),
    ).toBe(
      'Mon–Wed 09:00–17:00 · Thu 09:00–20:00 · Fri 09:00–17:00 · Sun 10:00–12:00, 13:00–15:00',
    );
    expect(weekSummary({})).toBe('Never open');
  });
});
