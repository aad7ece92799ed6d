import type { LiveMode } from './use-live-updates';
import './live-status.css';

const labels: Record<LiveMode, { text: string; hint: string }> = {
  connecting: { text: 'Connecting…', hint: 'Connecting to live updates.' },
  stream: { text: 'Live', hint: 'New and changed leads appear as they happen.' },
  polling: {
    text: 'Auto-refresh',
    hint: 'Live updates are unavailable; refreshing every 5 seconds.',
  },
};

export function LiveStatus({ mode }: { mode: LiveMode }) {
  const { text, hint } = labels[mode];
  return (
    <span className={`live-status live-status-${mode}`} title={hint}>
      <span className="live-status-dot" aria-hidden="true" />
      <span className="live-status-label">{text}</span>
      <span className="visually-hidden">{hint}</span>
    </span>
  );
}
