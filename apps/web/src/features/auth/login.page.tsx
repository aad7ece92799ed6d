import { loginSchema, type Login, type SignInOptions } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { BrandMark } from '../../ui/brand-mark';
import { currentUserQueryKey, signIn } from './auth.api';
import { ssoErrorFromSearch, ssoErrorMessage } from './sso-error-message';
import './login.css';

type FieldErrors = Partial<Record<keyof Login, string>>;

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function checkForm(email: string, password: string): { login?: Login; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  if (email === '') fieldErrors.email = 'Enter your email address.';
  if (password === '') fieldErrors.password = 'Enter your password.';
  if (fieldErrors.email || fieldErrors.password) return { fieldErrors };
  const parsed = loginSchema.safeParse({ email, password });
  if (parsed.success) return { login: parsed.data, fieldErrors };
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'email' || field === 'password')
      fieldErrors[field] ??= `${sentence(issue.message)}.`;
  }
  return { fieldErrors };
}

const passwordsOnly: SignInOptions = { passwords: true, sso: null };

/** Password form and/or "Sign in with <provider>", as the API says sign-in works here. */
export function LoginPage({ options = passwordsOnly }: { options?: SignInOptions }) {
  const queryClient = useQueryClient();
  // A single sign-on that failed comes back here with ?sso_error=<code>; read it once.
  const [ssoError] = useState(() => ssoErrorFromSearch(window.location.search));
  useEffect(() => {
    // Tidy the address bar so a reload or a bookmark does not show the error again.
    if (ssoError) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [ssoError]);
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const login = useMutation({
    mutationFn: signIn,
    onSuccess: (user) => queryClient.setQueryData(currentUserQueryKey, user),
  });

  const serverIssues = isApiRequestError(login.error) ? login.error.issues : [];
  const errorFor = (field: keyof Login) =>
    fieldErrors[field] ?? serverIssues.find((issue) => issue.path === field)?.message;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkForm(email.trim(), password);
    setFieldErrors(checked.fieldErrors);
    if (checked.login) login.mutate(checked.login);
  }

  const sso = options.sso;
  const ssoName = sso?.name ?? 'single sign-on';
  // Passwords off without SSO cannot be configured; show the form rather than no way in.
  const showPasswords = options.passwords || !sso;
  const ssoLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    // The one way in gets the focus (React's autoFocus covers form fields only).
    if (!showPasswords) ssoLink.current?.focus();
  }, [showPasswords]);
  const problem = login.isError
    ? errorMessage(login.error)
    : ssoError
      ? ssoErrorMessage(ssoError, ssoName)
      : null;
  const emailError = errorFor('email');
  const passwordError = errorFor('password');

  return (
    <main className="login">
      <div className="login-card">
        <div className="login-brand">
          <BrandMark size={36} />
          <span>Baton</span>
        </div>
        <h1 className="login-title">Sign in</h1>
        <p className="login-lede">Every lead handed off. Every minute measured.</p>

        {problem && (
          <div role="alert" className="login-error">
            {problem}
          </div>
        )}

        {sso && (
          <a
            href={sso.startUrl}
            className={`button login-sso${showPasswords ? '' : ' button-primary'}`}
            ref={ssoLink}
          >
            Sign in with {sso.name}
          </a>
        )}
        {sso && showPasswords && <p className="login-or">or with your Baton password</p>}
        {!showPasswords && (
          <p className="login-note">
            Password sign-in is turned off here. No account yet? Ask your admin to invite you.
          </p>
        )}

        {showPasswords && (
          <form onSubmit={onSubmit} noValidate className="login-form">
            <div className="field">
              <label htmlFor={`${id}-email`} className="field-label">
                Email
              </label>
              <input
                id={`${id}-email`}
                type="email"
                name="email"
                autoComplete="username"
                autoFocus={!sso}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={emailError ? true : undefined}
                aria-describedby={emailError ? `${id}-email-error` : undefined}
              />
              {emailError && (
                <span id={`${id}-email-error`} className="field-error">
                  {emailError}
                </span>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-password`} className="field-label">
                Password
              </label>
              <input
                id={`${id}-password`}
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={passwordError ? true : undefined}
                aria-describedby={passwordError ? `${id}-password-error` : undefined}
              />
              {passwordError && (
                <span id={`${id}-password-error`} className="field-error">
                  {passwordError}
                </span>
              )}
            </div>
            <button
              type="submit"
              className="button button-primary login-submit"
              disabled={login.isPending}
            >
              {login.isPending ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
