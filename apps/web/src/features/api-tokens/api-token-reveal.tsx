import type { CreatedApiToken } from '@baton/api-contract';
import { CopyButton } from '../../ui/copy-button';
import { whoAmISnippet } from './api-token-snippets';

/** The one time a token's secret is shown: right after creating it. */
export function ApiTokenReveal({ shown, onDone }: { shown: CreatedApiToken; onDone: () => void }) {
  const snippet = whoAmISnippet(window.location.origin, shown.secret);
  return (
    <section className="card source-key" aria-labelledby="api-token-reveal-title" role="status">
      <h2 id="api-token-reveal-title">Your new token “{shown.token.name}”</h2>
      <p>
        Copy it now and keep it somewhere safe, such as your password manager or your script’s
        secret store: Baton stores only a hash and cannot show it again. Anyone with it can act as
        you.
      </p>
      <div className="source-code">
        <code data-testid="api-token-secret">{shown.secret}</code>
        <CopyButton text={shown.secret} label="Copy token" />
      </div>
      <p>Try it:</p>
      <div className="source-code">
        <pre>
          <code>{snippet}</code>
        </pre>
        <CopyButton text={snippet} />
      </div>
      <button type="button" className="button" onClick={onDone}>
        I have stored the token
      </button>
    </section>
  );
}
