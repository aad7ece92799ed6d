interface ErrorNoticeProps {
  title: string;
  message: string;
  onRetry?: () => void;
}

/** A failed load: what went wrong in words, and a way to try again. */
export function ErrorNotice({ title, message, onRetry }: ErrorNoticeProps) {
  return (
    <div role="alert" className="notice notice-error">
      <p className="notice-title">{title}</p>
      <p className="notice-message">{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
