import type { StatusState } from '@baton/api-contract';
import type { ReactNode } from 'react';

const stateWords: Record<StatusState, string> = {
  ok: 'OK',
  attention: 'Needs attention',
  not_configured: 'Not configured',
};

interface StatusCardProps {
  id: string;
  title: string;
  state: StatusState;
  /** What is true now, in a sentence or two. */
  children: ReactNode;
  /** What to do about it; absent when nothing needs doing. */
  todo?: ReactNode;
}

/** One part of the install with its state in words (never colour alone) and the next step. */
export function StatusCard({ id, title, state, children, todo }: StatusCardProps) {
  return (
    <article className={`card status-card status-${state}`} aria-labelledby={`${id}-title`}>
      <header className="status-card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <span className="status-badge">{stateWords[state]}</span>
      </header>
      <div className="status-card-body">{children}</div>
      {todo && (
        <div className="status-todo">
          <h3>What to do</h3>
          {todo}
        </div>
      )}
    </article>
  );
}
