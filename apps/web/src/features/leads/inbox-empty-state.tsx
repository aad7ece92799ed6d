import { CopyButton } from '../../ui/copy-button';

export function firstLeadCurl(origin: string): string {
  return [
    `curl -X POST ${origin}/api/v1/leads`,
    `-H 'Authorization: Bearer <source API key>'`,
    `-H 'Content-Type: application/json'`,
    `-d '{"contact":{"name":"Ada","email":"ada@example.com"}}'`,
  ].join(' ');
}

/** What a newcomer sees before the first lead: how to send one. */
export function InboxEmptyState() {
  const command = firstLeadCurl(window.location.origin);
  return (
    <section className="inbox-empty card" aria-labelledby="inbox-empty-title">
      <h2 id="inbox-empty-title">No leads yet</h2>
      <p>
        Leads arrive from your sources: website forms, ad lead forms, or anything that can make an
        HTTP request. Send a first one and watch it appear here. No refresh needed.
      </p>
      <ol className="inbox-empty-steps">
        <li>
          Take the API key of a source. The demo source&apos;s key is printed in the terminal when
          Baton starts.
        </li>
        <li>
          Replace <code>&lt;source API key&gt;</code> below and run it:
          <div className="inbox-curl">
            <pre>
              <code>{command}</code>
            </pre>
            <CopyButton text={command} />
          </div>
        </li>
        <li>
          The API answers 202 with the lead&apos;s id; the lead shows up in this inbox within
          seconds.
        </li>
      </ol>
    </section>
  );
}
