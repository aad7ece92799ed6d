import { isOpen, nextClosing, nextOpening, type Schedule } from '@baton/flow';

export const PREVIEW_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;
/** More openings than any valid week can have (7 days × 12 intervals): a guard, never reached. */
const MAX_OPENINGS = 7 * 12 + 8;

export interface WeekPreview {
  from: Date;
  to: Date;
  openAtFrom: boolean;
  nextOpening: Date | null;
  nextClosing: Date | null;
  /** Openings overlapping [from, to), clipped to it; touching openings (night shifts) joined. */
  openings: { start: Date; end: Date }[];
}

/** A week of a schedule, computed with the same business-time code the routing engine uses. */
export function previewWeek(schedule: Schedule, from: Date): WeekPreview {
  const to = new Date(from.getTime() + PREVIEW_DAYS * DAY_MS);
  const openings: WeekPreview['openings'] = [];
  let cursor = from;
  while (openings.length < MAX_OPENINGS) {
    const start = nextOpening(schedule, cursor);
    if (!start || start >= to) break;
    // null: open for more than a week straight, so open until the end of the preview.
    const close = nextClosing(schedule, start);
    const end = !close || close > to ? to : close;
    openings.push({ start, end });
    if (end >= to) break;
    cursor = end;
  }
  return {
    from,
    to,
    openAtFrom: isOpen(schedule, from),
    nextOpening: nextOpening(schedule, from),
    nextClosing: nextClosing(schedule, from),
    openings,
  };
}
