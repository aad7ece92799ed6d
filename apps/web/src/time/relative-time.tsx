import { formatDateTime } from './format-date-time';
import { formatRelativeTime } from './format-relative-time';
import { toMillis } from './to-millis';

interface RelativeTimeProps {
  iso: string;
  now: number;
}

/** "3 min ago", with the absolute time in the tooltip and a machine-readable datetime. */
export function RelativeTime({ iso, now }: RelativeTimeProps) {
  return (
    <time dateTime={new Date(toMillis(iso)).toISOString()} title={formatDateTime(iso)}>
      {formatRelativeTime(iso, now)}
    </time>
  );
}
