const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * A compact duration for speed-to-lead numbers: "45s", "2m 14s", "1h 5m", "3d 4h".
 * Two units at most; the smaller one is dropped when it is zero ("5m", "2h").
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const abs = Math.floor(Math.abs(ms) / second) * second;
  const pair = (bigValue: number, bigUnit: string, smallValue: number, smallUnit: string) =>
    `${sign}${bigValue}${bigUnit}${smallValue > 0 ? ` ${smallValue}${smallUnit}` : ''}`;

  if (abs < minute) return `${sign}${abs / second}s`;
  if (abs < hour) return pair(Math.floor(abs / minute), 'm', (abs % minute) / second, 's');
  if (abs < day) return pair(Math.floor(abs / hour), 'h', Math.floor((abs % hour) / minute), 'm');
  return pair(Math.floor(abs / day), 'd', Math.floor((abs % day) / hour), 'h');
}

/** Time since a reference point, as on a stopwatch: "+2m 14s". */
export function formatElapsed(ms: number): string {
  return ms < 0 ? formatDuration(ms) : `+${formatDuration(ms)}`;
}
