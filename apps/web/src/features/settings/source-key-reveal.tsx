import type { SourceWithKey } from '@baton/api-contract';
import { CopyButton } from '../../ui/copy-button';
import { curlSnippet } from './source-snippets';

/** The one time a source's API key is shown: after creating it or rotating it. */
export function SourceKeyReveal({ shown, onDone }: { shown: SourceWithKey; onDone: () => void }) {
  return (
    <section className="card source-key" aria-labelledby="source-key-title" role="status">
      <h2 id="source-key-title">API key for {shown.source.name}</h2>
      <p>
        Copy it now and keep it somewhere safe: Baton stores only a hash and cannot show it again.
        Anyone with it can send leads as this source.
      </p>
      <div className="source-code">
        <code data-testid="source-api-key">{shown.apiKey}</code>
        <CopyButton text={shown.apiKey} label="Copy key" />
      </div>
      <p>Send a test lead with it:</p>
      <div className="source-code">
        <pre>
          <code>{curlSnippet(window.location.origin, shown.apiKey)}</code>
        </pre>
        <CopyButton text={curlSnippet(window.location.origin, shown.apiKey)} />
      </div>
      <button type="button" className="button" onClick={onDone}>
        I have stored the key
      </button>
    </section>
  );
}
