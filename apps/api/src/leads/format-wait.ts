/**
 * A wait in plain words for timeline sentences: "40 s", "2 min", "1 h 5 min", "3 d 4 h".
 * Two units at most, the smaller dropped when zero; rounded down, as a stopwatch would.
 */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string) =>
    `${big} ${bigUnit}${small > 0 ? ` ${small} ${smallUnit}` : ''}`;
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return pair(Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min');
  return pair(Math.floor(s / 86_400), 'd', Math.floor((s % 86_400) / 3600), 'h');
}
