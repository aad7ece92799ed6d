import type { LeadEventView } from '@baton/api-contract';
import { formatDateTime } from '../../time/format-date-time';
import { formatElapsed } from '../../time/format-duration';
import { formatRelativeTime } from '../../time/format-relative-time';
import { Icon } from '../../ui/icon';
import { leadEventKinds } from './lead-event-kinds';
import './lead-timeline.css';

interface LeadTimelineProps {
  events: LeadEventView[];
  /** The lead's receivedAt: every event shows how long after it happened. */
  receivedAt: string;
  now: number;
}

/** Oldest first; events at the same instant keep the server's order. */
export function sortTimeline(events: readonly LeadEventView[]): LeadEventView[] {
  return [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

export function actorLabel(actor: LeadEventView['actor']): string {
  if (actor.type === 'system') return actor.name ?? 'Baton';
  if (actor.type === 'source') return actor.name ?? 'Source';
  return actor.name ?? 'A teammate';
}

function TimelineEvent({
  event,
  receivedMs,
  now,
}: {
  event: LeadEventView;
  receivedMs: number;
  now: number;
}) {
  const kind = leadEventKinds[event.type];
  const hasData = Object.keys(event.data).length > 0;
  return (
    <li
      className={`timeline-event tone-${kind.tone}`}
      data-testid="timeline-event"
      data-event-type={event.type}
    >
      <span className="timeline-icon" aria-hidden="true">
        <Icon name={kind.icon} size={15} />
      </span>
      <div className="timeline-body">
        <div className="timeline-head">
          <p className="timeline-summary">{event.summary}</p>
          <span className="timeline-elapsed" title="Time since the lead was received">
            {formatElapsed(Date.parse(event.occurredAt) - receivedMs)}
          </span>
        </div>
        <p className="timeline-meta">
          <span className="timeline-kind">{kind.label}</span>
          <span aria-hidden="true"> · </span>
          <span className="timeline-actor">{actorLabel(event.actor)}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
          <span className="timeline-relative"> ({formatRelativeTime(event.occurredAt, now)})</span>
        </p>
        {hasData && (
          <details className="timeline-data">
            <summary>Details{event.stepId ? ` · step ${event.stepId}` : ''}</summary>
            <pre>{JSON.stringify(event.data, null, 2)}</pre>
          </details>
        )}
      </div>
    </li>
  );
}

/** The lead's story: what happened, who did it, and how long after the lead arrived. */
export function LeadTimeline({ events, receivedAt, now }: LeadTimelineProps) {
  const receivedMs = Date.parse(receivedAt);
  return (
    <section className="card" aria-labelledby="lead-timeline-title">
      <h2 className="card-title" id="lead-timeline-title">
        Timeline
      </h2>
      <div className="card-body">
        {events.length === 0 ? (
          <p className="timeline-empty">Nothing has happened yet.</p>
        ) : (
          <ol className="timeline">
            {sortTimeline(events).map((event) => (
              <TimelineEvent key={event.id} event={event} receivedMs={receivedMs} now={now} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
