import type { SourceView } from '@baton/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { CopyButton } from '../../ui/copy-button';
import {
  curlSigningSnippet,
  nodeSigningSnippet,
  SIGNATURE_FORMAT,
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_MINUTES,
} from './signing-snippets';
import {
  fetchSourceSigning,
  rotateSourceSigning,
  setSourceSigning,
  sourceKeys,
} from './sources.api';

/**
 * Request signing of one source: whether intake must carry an HMAC signature, turning it on or
 * off, rotating the secret (shown once, like the API key), and how a sender signs.
 */
export function SourceSigningPanel({
  source,
  canAdminister,
}: {
  source: SourceView;
  canAdminister: boolean;
}) {
  const queryClient = useQueryClient();
  const signing = useQuery({
    queryKey: sourceKeys.signing(source.id),
    queryFn: ({ signal }) => fetchSourceSigning(source.id, signal),
  });
  const [secret, setSecret] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (action: 'enable' | 'disable' | 'rotate') =>
      action === 'rotate'
        ? rotateSourceSigning(source.id)
        : setSourceSigning(source.id, action === 'enable'),
    onSuccess: (answer) => {
      queryClient.setQueryData(sourceKeys.signing(source.id), answer);
      setSecret(answer.signingSecret ?? null);
    },
  });
  const titleId = `source-${source.id}-signing`;
  const origin = window.location.origin;

  const state = signing.data;
  return (
    <section className="source-signing" aria-labelledby={titleId}>
      <h3 id={titleId}>Request signing</h3>
      {signing.isPending ? (
        <p className="source-hint">Checking whether requests must be signed…</p>
      ) : signing.isError ? (
        <p role="alert" className="field-error">
          Could not load the signing state: {errorMessage(signing.error)}{' '}
          <button type="button" className="button" onClick={() => void signing.refetch()}>
            Try again
          </button>
        </p>
      ) : (
        <>
          <p data-testid="signing-state">
            {state?.signatureRequired
              ? `On: leads sent to the API must carry a valid ${SIGNATURE_HEADER} header; unsigned or wrongly signed ones are refused (401).`
              : 'Off: the API key alone is enough. Turn it on when a server (not a browser) sends the leads, so a leaked key cannot be used alone.'}
          </p>
          {canAdminister && !state?.signingAvailable && (
            <p className="source-hint">
              Signing needs <code>BATON_SIGNING_KEY</code> (at least 32 random characters) in the
              API server’s environment; ask whoever runs Baton to set it.
            </p>
          )}
          {canAdminister && state && (
            <div className="source-signing-actions">
              {!state.signatureRequired ? (
                <button
                  type="button"
                  className="button"
                  disabled={change.isPending || !state.signingAvailable}
                  onClick={() => change.mutate('enable')}
                >
                  Require signed requests
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    className="button"
                    disabled={change.isPending || !state.signingAvailable}
                    onClick={() => {
                      if (
                        window.confirm(
                          `Issue a new signing secret for ${source.name}? Requests signed with the old one are refused at once.`,
                        )
                      )
                        change.mutate('rotate');
                    }}
                  >
                    Rotate signing secret
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={change.isPending}
                    onClick={() => {
                      if (
                        window.confirm(
                          `Stop requiring signatures for ${source.name}? The API key alone will be enough again.`,
                        )
                      )
                        change.mutate('disable');
                    }}
                  >
                    Stop requiring signatures
                  </button>
                </>
              )}
            </div>
          )}
          {change.isError && (
            <p role="alert" className="field-error">
              {errorMessage(change.error)}
            </p>
          )}
        </>
      )}
      {secret && (
        <div className="source-key" role="status">
          <p>
            <strong>Signing secret for {source.name}.</strong> Copy it now: Baton cannot show it
            again (rotate to get a new one). Keep it on the server that sends the leads, never in a
            web page.
          </p>
          <div className="source-code">
            <code data-testid="source-signing-secret">{secret}</code>
            <CopyButton text={secret} label="Copy secret" />
          </div>
          <button type="button" className="button" onClick={() => setSecret(null)}>
            I have stored the secret
          </button>
        </div>
      )}
      <details className="source-snippet">
        <summary>How to sign a request</summary>
        <p>
          Send the header <code>{SIGNATURE_HEADER}</code> with <code>{SIGNATURE_FORMAT}</code>. The
          signed string is the unix time, a dot, and the request body exactly as sent; the HMAC key
          is the signing secret as text. The time may be at most {SIGNATURE_TOLERANCE_MINUTES}{' '}
          minutes off, and each signature is accepted once.
        </p>
        <p className="source-hint">Node 18 or later (an ES module, e.g. send-lead.mjs):</p>
        <div className="source-code">
          <pre>
            <code data-testid="node-signing-snippet">{nodeSigningSnippet(origin)}</code>
          </pre>
          <CopyButton text={nodeSigningSnippet(origin)} label="Copy Node" />
        </div>
        <p className="source-hint">Shell (curl and openssl):</p>
        <div className="source-code">
          <pre>
            <code data-testid="curl-signing-snippet">{curlSigningSnippet(origin)}</code>
          </pre>
          <CopyButton text={curlSigningSnippet(origin)} label="Copy shell" />
        </div>
      </details>
    </section>
  );
}
