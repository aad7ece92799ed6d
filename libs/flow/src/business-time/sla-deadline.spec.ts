import { weekdaySchedule } from '../../test/make-schedule.util';
import { reminderTimes, slaDeadline } from './sla-deadline';

const at = (iso: string): Date => new Date(iso);
const ny = weekdaySchedule('America/New_York');

describe('slaDeadline', () => {
  it('counts wall minutes in wall mode, whatever the schedule', () => {
    expect(slaDeadline({ minutes: 15, mode: 'wall' }, at('2026-03-14T03:00:00Z'), ny)).toEqual(
      at('2026-03-14T03:15:00Z'),
    );
  });

  it('counts business minutes in business mode', () => {
    // Friday 16:50 EST + 15 business minutes = Monday 09:05 EDT.
    expect(slaDeadline({ minutes: 15, mode: 'business' }, at('2026-03-06T21:50:00Z'), ny)).toEqual(
      at('2026-03-09T13:05:00Z'),
    );
  });

  it('falls back to wall minutes when business mode has no schedule', () => {
    expect(slaDeadline({ minutes: 15, mode: 'business' }, at('2026-03-14T03:00:00Z'))).toEqual(
      at('2026-03-14T03:15:00Z'),
    );
  });

  it('defaults to business mode', () => {
    expect(slaDeadline({ minutes: 15 }, at('2026-03-14T15:00:00Z'), ny)).toEqual(
      at('2026-03-16T13:15:00Z'),
    );
  });
});

describe('reminderTimes', () => {
  it('places reminders like the SLA, in order', () => {
    const start = at('2026-03-06T21:50:00Z'); // Friday 16:50 EST
    // 5 → 16:55; 10 → 17:00, closing time exactly (it uses up the day); 12 → Monday 09:02 EDT.
    expect(reminderTimes({ minutes: 15, mode: 'business' }, [12, 10, 5], start, ny)).toEqual([
      at('2026-03-06T21:55:00Z'),
      at('2026-03-06T22:00:00Z'),
      at('2026-03-09T13:02:00Z'),
    ]);
    expect(reminderTimes({ minutes: 15, mode: 'wall' }, [5], start, ny)).toEqual([
      at('2026-03-06T21:55:00Z'),
    ]);
  });
});
