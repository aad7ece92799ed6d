import type { OpenSegment } from '../business-time/open-segments';
import type { Schedule } from '../business-time/schedule.schema';
import { segmentsAfter } from '../business-time/segments-after';

/** A booked stretch of time, [start, end) in epoch milliseconds. */
export interface BusyInterval {
  start: number;
  end: number;
}

export interface FreeSlotQuery {
  schedule: Schedule;
  /** Existing bookings of the owner; a slot keeps `bufferMinutes` clear on both sides of each. */
  bookings: readonly BusyInterval[];
  durationMinutes: number;
  bufferMinutes: number;
  /** Slots start at or after this instant... */
  nowMs: number;
  /** ...and end no later than this many days after it. */
  withinDays: number;
  /** Slot starts fall on this grid of the clock (epoch-aligned, so :00/:15/:30/:45 in whole-hour zones). */
  gridMinutes?: number;
  /** Stop after this many slots. */
  limit?: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Free slots in the owner's open hours, earliest first: each lies inside one opening (openings that
 * touch, such as a night shift across midnight, join) and keeps the buffer clear of every booking.
 */
export function findFreeSlots(query: FreeSlotQuery): BusyInterval[] {
  const duration = query.durationMinutes * MINUTE;
  const buffer = query.bufferMinutes * MINUTE;
  const grid = (query.gridMinutes ?? 15) * MINUTE;
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const horizon = query.nowMs + query.withinDays * DAY;
  const blocked = query.bookings
    .map((b) => ({ start: b.start - buffer, end: b.end + buffer }))
    .sort((a, b) => a.start - b.start);

  const slots: BusyInterval[] = [];
  for (const opening of joinedOpenings(query.schedule, query.nowMs, horizon)) {
    let start = ceilToGrid(opening.start, grid);
    while (start + duration <= Math.min(opening.end, horizon) && slots.length < limit) {
      const end = start + duration;
      const clash = blocked.find((b) => b.start < end && start < b.end);
      if (!clash) {
        slots.push({ start, end });
        start += grid;
      } else {
        // Jump past the clash rather than walk the grid through it.
        start = ceilToGrid(Math.max(clash.end, start + grid), grid);
      }
    }
    if (slots.length >= limit) break;
  }
  return slots;
}

/** The first free slot, or null when the owner has none in the window. */
export function firstFreeSlot(query: FreeSlotQuery): BusyInterval | null {
  return findFreeSlots({ ...query, limit: 1 })[0] ?? null;
}

function* joinedOpenings(
  schedule: Schedule,
  fromMs: number,
  untilMs: number,
): Generator<OpenSegment, void> {
  let pending: OpenSegment | null = null;
  for (const segment of segmentsAfter(schedule, fromMs)) {
    if (segment.start >= untilMs) break;
    if (pending && segment.start <= pending.end) {
      pending = { start: pending.start, end: Math.max(pending.end, segment.end) };
      continue;
    }
    if (pending) yield pending;
    pending = { ...segment };
  }
  if (pending) yield pending;
}

const ceilToGrid = (ms: number, grid: number): number => Math.ceil(ms / grid) * grid;
