import fc from 'fast-check';
import { alwaysOpen, weekdaySchedule } from '../../test/make-schedule.util';
import { isOpen } from '../business-time/schedule';
import { findFreeSlots, firstFreeSlot, type BusyInterval } from './find-free-slots';

const ms = (iso: string): number => new Date(iso).getTime();
const iso = (slot: BusyInterval | null) =>
  slot && { start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() };
const MINUTE = 60_000;

describe('findFreeSlots', () => {
  const ny = weekdaySchedule('America/New_York');
  const base = { bookings: [], durationMinutes: 30, bufferMinutes: 10, withinDays: 5 };

  it('starts at the next opening on the grid', () => {
    // Tuesday 08:07 New York (EDT, UTC-4): the first slot is 09:00 local.
    const slot = firstFreeSlot({ ...base, schedule: ny, nowMs: ms('2026-03-10T12:07:00Z') });
    expect(iso(slot)).toEqual({
      start: '2026-03-10T13:00:00.000Z',
      end: '2026-03-10T13:30:00.000Z',
    });
  });

  it('rounds a mid-opening now up to the grid', () => {
    const slot = firstFreeSlot({ ...base, schedule: ny, nowMs: ms('2026-03-10T14:01:00Z') });
    expect(iso(slot)?.start).toBe('2026-03-10T14:15:00.000Z');
  });

  it('keeps the buffer clear after a booking', () => {
    const slot = firstFreeSlot({
      ...base,
      schedule: ny,
      nowMs: ms('2026-03-10T12:00:00Z'),
      bookings: [{ start: ms('2026-03-10T13:00:00Z'), end: ms('2026-03-10T13:30:00Z') }],
    });
    // 13:30 + 10 min buffer = 13:40, next grid start 13:45.
    expect(iso(slot)?.start).toBe('2026-03-10T13:45:00.000Z');
  });

  it('keeps the buffer clear before a booking', () => {
    const slots = findFreeSlots({
      ...base,
      schedule: ny,
      nowMs: ms('2026-03-10T12:00:00Z'),
      bookings: [{ start: ms('2026-03-10T13:45:00Z'), end: ms('2026-03-10T14:15:00Z') }],
      limit: 2,
    });
    // 13:00–13:30 ends 15 min before the booking; 13:15–13:45 would sit inside its buffer.
    expect(slots.map((s) => iso(s)?.start)).toEqual([
      '2026-03-10T13:00:00.000Z',
      '2026-03-10T14:30:00.000Z',
    ]);
  });

  it('does not run a slot past closing; moves to the next working day', () => {
    // Friday 16:45 local: a 30-min call no longer fits, Monday 09:00 is next.
    const slot = firstFreeSlot({ ...base, schedule: ny, nowMs: ms('2026-03-13T20:45:00Z') });
    expect(iso(slot)?.start).toBe('2026-03-16T13:00:00.000Z');
  });

  it('returns null when nothing fits within the window', () => {
    const slot = firstFreeSlot({
      ...base,
      withinDays: 1,
      schedule: ny,
      nowMs: ms('2026-03-14T15:00:00Z'), // Saturday
    });
    expect(slot).toBeNull();
  });

  it('returns null for a schedule with no hours', () => {
    const closed = { timeZone: 'UTC', weekly: {} };
    expect(
      firstFreeSlot({ ...base, schedule: closed, nowMs: ms('2026-03-10T00:00:00Z') }),
    ).toBeNull();
  });

  it('joins a night shift across midnight', () => {
    const night = {
      timeZone: 'UTC',
      weekly: { mon: [{ start: '23:40', end: '00:30' }], tue: [{ start: '23:40', end: '00:30' }] },
    };
    const slot = firstFreeSlot({
      ...base,
      durationMinutes: 45,
      schedule: night,
      nowMs: ms('2026-03-09T12:00:00Z'),
    });
    expect(iso(slot)).toEqual({
      start: '2026-03-09T23:45:00.000Z',
      end: '2026-03-10T00:30:00.000Z',
    });
  });

  it('never overlaps a booking plus buffer and stays inside open hours (property)', () => {
    const from = ms('2026-03-09T00:00:00Z');
    const schedules = [ny, weekdaySchedule('Asia/Kolkata'), alwaysOpen('Europe/Berlin')];
    fc.assert(
      fc.property(
        fc.constantFrom(...schedules),
        fc.integer({ min: 0, max: 7 * 24 * 60 }),
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 8 * 24 * 60 }),
            len: fc.integer({ min: 5, max: 180 }),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 10, max: 120 }),
        fc.integer({ min: 0, max: 30 }),
        (schedule, nowOffset, raw, durationMinutes, bufferMinutes) => {
          const nowMs = from + nowOffset * MINUTE;
          const bookings = raw.map((b) => ({
            start: from + b.at * MINUTE,
            end: from + (b.at + b.len) * MINUTE,
          }));
          const slots = findFreeSlots({
            schedule,
            bookings,
            durationMinutes,
            bufferMinutes,
            nowMs,
            withinDays: 3,
            limit: 40,
          });
          const buffer = bufferMinutes * MINUTE;
          for (const slot of slots) {
            expect(slot.end - slot.start).toBe(durationMinutes * MINUTE);
            expect(slot.start).toBeGreaterThanOrEqual(nowMs);
            expect(slot.end).toBeLessThanOrEqual(nowMs + 3 * 24 * 60 * MINUTE);
            expect(slot.start % (15 * MINUTE)).toBe(0);
            for (const b of bookings) {
              expect(slot.end <= b.start - buffer || slot.start >= b.end + buffer).toBe(true);
            }
            for (let t = slot.start; t < slot.end; t += 5 * MINUTE) {
              expect(isOpen(schedule, new Date(t))).toBe(true);
            }
          }
          const starts = slots.map((s) => s.start);
          expect(starts).toEqual([...new Set(starts)].sort((a, b) => a - b));
        },
      ),
      { numRuns: 150 },
    );
  });
});
