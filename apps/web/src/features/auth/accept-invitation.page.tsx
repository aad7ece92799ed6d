import { newPasswordSchema } from '@baton/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { formatDateTime } from '../../time/format-date-time';
import { BrandMark } from '../../ui/brand-mark';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { currentUserQueryKey } from './auth.api';
import { acceptInvitation, fetchInvitation, invitationKeys } from './invitation.api';
import './login.css';

/** What a link that cannot be used says, by the API's answer: expired, used, or unknown. */
const deadLinks: Record<number, { title: string; advice: string }> = {
  410: {
    title: 'This invitation has expired',
    advice: 'Ask your admin for a new link; it replaces this one.',
  },
  409: {
    title: 'This invitation was already used',
    advice: 'Sign in with the password you chose, or ask your admin for a new link.',
  },
  404: {
    title: 'This invitation link does not work',
    advice:
      'Check that you opened the whole link from the email, or ask your admin for a new link.',
  },
};
const deadLinkOf = (error: unknown) =>
  isApiRequestError(error) ? deadLinks[error.status] : undefined;

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** Opened from the invitation email, signed out: choose a password, then land in the app. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitation = useQuery({
    queryKey: invitationKeys.one(token),
    queryFn: ({ signal }) => fetchInvitation(token, signal),
    retry: false,
  });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<{ password?: string; confirm?: string }>({});
  const accept = useMutation({
    mutationFn: (chosen: string) => acceptInvitation(token, { password: chosen }),
    onSuccess: (user) => {
      queryClient.setQueryData(currentUserQueryKey, user);
      void navigate('/leads', { replace: true });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = newPasswordSchema.safeParse(password);
    const next = {
      password: checked.success ? undefined : sentence(checked.error.issues[0]?.message ?? ''),
      confirm: confirm === password ? undefined : 'The two passwords are not the same.',
    };
    setProblems(next);
    if (!next.password && !next.confirm) accept.mutate(password);
  }

  const serverIssue = isApiRequestError(accept.error)
    ? accept.error.issues.find((i) => i.path === 'password')?.message
    : undefined;
  const passwordError = problems.password ?? serverIssue;
  const dead = deadLinkOf(invitation.error) ?? deadLinkOf(accept.error);

  let body;
  if (invitation.isPending) {
    body = <LoadingState label="Opening your invitation…" />;
  } else if (dead) {
    body = (
      <div role="alert" className="invite-dead">
        <h1 className="login-title">{dead.title}</h1>
        <p className="login-lede">{dead.advice}</p>
        <a className="button button-primary login-submit" href="/">
          Go to sign-in
        </a>
      </div>
    );
  } else if (invitation.isError) {
    body = (
      <ErrorNotice
        title="The invitation could not be opened"
        message={errorMessage(invitation.error)}
        onRetry={() => void invitation.refetch()}
      />
    );
  } else {
    const { name, email, expiresAt } = invitation.data;
    body = (
      <>
        <h1 className="login-title">Welcome, {name}</h1>
        <p className="login-lede">
          Choose a password for <strong>{email}</strong>. This link works once, until{' '}
          {formatDateTime(expiresAt)}.
        </p>
        {accept.isError && !serverIssue && (
          <div role="alert" className="login-error">
            {errorMessage(accept.error)}
          </div>
        )}
        <form onSubmit={onSubmit} noValidate className="login-form">
          <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
          <div className="field">
            <label htmlFor={`${id}-password`} className="field-label">
              Password
            </label>
            <input
              id={`${id}-password`}
              type="password"
              name="password"
              autoComplete="new-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={`${id}-password-hint`}
            />
            <span
              id={`${id}-password-hint`}
              className={passwordError ? 'field-error' : 'field-hint'}
            >
              {passwordError ?? 'At least 12 characters. A few words you will remember work well.'}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-confirm`} className="field-label">
              Confirm password
            </label>
            <input
              id={`${id}-confirm`}
              type="password"
              name="confirm"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              aria-invalid={problems.confirm ? true : undefined}
              aria-describedby={problems.confirm ? `${id}-confirm-error` : undefined}
            />
            {problems.confirm && (
              <span id={`${id}-confirm-error`} className="field-error">
                {problems.confirm}
              </span>
            )}
          </div>
          <button
            type="submit"
            className="button button-primary login-submit"
            disabled={accept.isPending}
          >
            {accept.isPending ? 'Signing you in…' : 'Set password and sign in'}
          </button>
        </form>
      </>
    );
  }

  return (
    <main className="login">
      <div className="login-card">
        <div className="login-brand">
          <BrandMark size={36} />
          <span>Baton</span>
        </div>
        {body}
      </div>
    </main>
  );
}
