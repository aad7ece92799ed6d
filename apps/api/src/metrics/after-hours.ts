import { nextClosing, nextOpening, type Schedule } from '@baton/flow';

export interface Opening {
  start: Date;
  end: Date;
}

/** nextClosing gives up after 8 days open; a round-the-clock stretch is walked a week at a time. */
const LONG_OPENING_STEP_MS = 7 * 24 * 60 * 60_000;

/**
 * The schedule's openings that overlap [from, to), clipped to it, in order. Same semantics as
 * isOpen from @baton/flow (openings are [start, end), time zone, overnight shifts, holidays),
 * because it is built from that library's nextOpening / nextClosing.
 *
 * Why this and not isOpen per lead: the revenue-leak query classifies every routed lead of the
 * window as after hours with `received_at <@ openings` in SQL (a binary search per lead), so the
 * TypeScript cost is one step per opening in the window (~260 for a year of weekday hours, a
 * few ms), not one zone-aware isOpen call per lead, and the lead rows never leave the database.
 */
export function openingsBetween(schedule: Schedule, from: Date, to: Date): Opening[] {
  const openings: Opening[] = [];
  let cursor = from;
  while (cursor < to) {
    const start = nextOpening(schedule, cursor);
    if (!start || start >= to) break;
    const closing = nextClosing(schedule, start);
    const end = closing ?? new Date(start.getTime() + LONG_OPENING_STEP_MS);
    if (end <= start) break; // cannot happen with [start, end) openings; never loop forever
    openings.push({ start, end: end < to ? end : to });
    cursor = end;
  }
  return openings;
}

/** A PostgreSQL tstzmultirange literal; adjacent ranges merge on the server. */
export function toMultirangeLiteral(openings: Opening[]): string {
  return `{${openings.map((o) => `[${o.start.toISOString()},${o.end.toISOString()})`).join(',')}}`;
}
