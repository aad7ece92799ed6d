import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="page-center">
      <div className="notice">
        <p className="notice-title">This page does not exist</p>
        <p className="notice-message">The link may be old or mistyped.</p>
        <Link to="/leads" className="button">
          Go to the inbox
        </Link>
      </div>
    </section>
  );
}
