import { isRouteErrorResponse, useRouteError } from 'react-router';
import { errorMessage } from '../api/api-request-error';

/** Last line of defence: a render error shows a way out instead of a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : errorMessage(error);
  return (
    <section className="page-center">
      <div role="alert" className="notice notice-error">
        <p className="notice-title">This page failed to load</p>
        <p className="notice-message">{message}</p>
        <a href="/leads" className="button">
          Reload Baton
        </a>
      </div>
    </section>
  );
}
