/** The lead's own words. Untrusted text: React renders it as text, never as HTML. */
export function LeadMessage({ message }: { message: string | null }) {
  return (
    <section className="card" aria-labelledby="lead-message-title">
      <h2 className="card-title" id="lead-message-title">
        Message
      </h2>
      <div className="card-body">
        {message ? (
          <p className="lead-message">{message}</p>
        ) : (
          <p className="lead-muted">No message.</p>
        )}
      </div>
    </section>
  );
}
