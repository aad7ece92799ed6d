import type { ModelStatus, SmtpStatus, TemporalStatus } from '@baton/api-contract';
import { CopyButton } from '../../ui/copy-button';
import { formatDuration } from '../../time/format-duration';
import { RelativeTime } from '../../time/relative-time';
import { StatusCard } from './status-card';

export function ModelCard({ model, now }: { model: ModelStatus; now: number }) {
  const last = model.lastQualification;
  const todo = !model.configured ? (
    <p>
      Set <code>OLLAMA_HOST</code> (and <code>OLLAMA_MODEL</code>, now {model.model}) for the API
      and the worker, then restart them. Until then every lead is scored by the heuristic.
    </p>
  ) : model.pullCommand ? (
    <>
      <p>Ollama answers but does not have the model. On the Ollama machine, run:</p>
      <p className="status-command">
        <code>{model.pullCommand}</code>{' '}
        <CopyButton text={model.pullCommand} label="Copy command" />
      </p>
    </>
  ) : model.reachable === false ? (
    <p>
      Start Ollama (<code>ollama serve</code>) or correct <code>OLLAMA_HOST</code>. Leads are scored
      by the heuristic until it answers.
    </p>
  ) : undefined;
  return (
    <StatusCard id="status-model" title="Qualification model" state={model.state} todo={todo}>
      <p>
        {model.state === 'ok'
          ? `${model.model} is ready at ${model.host}.`
          : model.configured
            ? `${model.model} at ${model.host}: ${model.detail ?? 'not ready'}.`
            : 'No model is configured: leads are scored by the built-in heuristic.'}
      </p>
      {last ? (
        <p>
          Last lead scored <RelativeTime iso={last.at} now={now} /> by{' '}
          {last.method === 'llm'
            ? `the model${last.model ? ` (${last.model})` : ''}`
            : 'the heuristic'}
          {last.latencyMs !== null && ` in ${formatDuration(last.latencyMs)}`}
          {last.fallbackReason && `, because ${last.fallbackReason}`}.
          {model.recent.total > 1 &&
            ` The heuristic scored ${model.recent.heuristic} of the last ${model.recent.total} leads.`}
        </p>
      ) : (
        <p>No lead has been scored yet.</p>
      )}
    </StatusCard>
  );
}

export function MailCard({ smtp, now }: { smtp: SmtpStatus; now: number }) {
  const todo = !smtp.configured ? (
    <p>
      {smtp.capturing
        ? 'Nothing leaves this machine: outgoing mail is captured and listed below. '
        : 'The API has no relay set, so email steps cannot deliver unless the worker has its own. '}
      Set <code>SMTP_URL</code> (e.g. <code>smtp://user:password@relay.example.com:587</code>) for
      the worker and the API to send real mail.
    </p>
  ) : smtp.state === 'attention' ? (
    <p>
      The last email failed after the last one that went out. Check that the relay at {smtp.host}{' '}
      accepts Baton’s login and sender address; failed steps are retried, and the lead’s timeline
      shows each error.
    </p>
  ) : undefined;
  return (
    <StatusCard id="status-mail" title="Email (SMTP)" state={smtp.state} todo={todo}>
      <p>
        {smtp.configured
          ? `Mail goes out through ${smtp.host ?? 'the relay in SMTP_URL'}.`
          : smtp.capturing
            ? 'No relay is configured: mail is being captured (npm start mode).'
            : 'No relay is configured.'}
      </p>
      <p>
        {smtp.lastDeliveryAt ? (
          <>
            Last email sent <RelativeTime iso={smtp.lastDeliveryAt} now={now} />.
          </>
        ) : (
          'No email has been sent yet.'
        )}
      </p>
      {smtp.lastFailure && (
        <p className="status-failure">
          Last failure <RelativeTime iso={smtp.lastFailure.at} now={now} />:{' '}
          {smtp.lastFailure.message}
        </p>
      )}
    </StatusCard>
  );
}

export function TemporalCard({ temporal }: { temporal: TemporalStatus }) {
  return (
    <StatusCard
      id="status-temporal"
      title="Temporal"
      state={temporal.state}
      todo={
        temporal.reachable ? undefined : (
          <p>
            Start the Temporal server or correct <code>TEMPORAL_ADDRESS</code>. New leads are still
            stored and their handoff starts as soon as Temporal is back.
          </p>
        )
      }
    >
      <p>
        {temporal.reachable
          ? `The workflow engine at ${temporal.address} answers.`
          : `The workflow engine at ${temporal.address} does not answer: leads wait to be routed.`}
      </p>
    </StatusCard>
  );
}
