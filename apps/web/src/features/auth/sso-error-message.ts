import { type SsoErrorCode, ssoErrorCodeSchema } from '@baton/api-contract';

export interface SsoError {
  code: SsoErrorCode;
  email?: string;
}

/** The error a single sign-on came back with (?sso_error=<code>&sso_email=…), if any. */
export function ssoErrorFromSearch(search: string): SsoError | null {
  const params = new URLSearchParams(search);
  const code = ssoErrorCodeSchema.safeParse(params.get('sso_error'));
  if (!code.success) return null;
  const email = params.get('sso_email')?.slice(0, 254) || undefined;
  return { code: code.data, email };
}

/** What to tell the person, and what to do about it; `provider` is the button's name. */
export function ssoErrorMessage({ code, email }: SsoError, provider: string): string {
  const who = email ?? 'your account';
  switch (code) {
    case 'no_account':
      return `No Baton account for ${who} — ask your admin to invite you.`;
    case 'deactivated':
      return `The Baton account for ${who} is deactivated — ask your admin if you need it back.`;
    case 'unverified_email':
      return `${provider} has not verified ${who}, so Baton cannot match it to an account. Verify it with ${provider}, or ask your admin.`;
    case 'no_email':
      return `${provider} did not tell Baton your email address — ask your admin to release the email claim to Baton.`;
    case 'no_role':
      return `${provider} gives ${who} no Baton role — ask your admin to add you to a Baton group.`;
    case 'denied':
      return `Sign-in with ${provider} was cancelled. Try again when you are ready.`;
    case 'failed':
      return `Sign-in with ${provider} did not finish (it took too long, or the link was used already). Try again.`;
    case 'unavailable':
      return `Baton could not reach ${provider}. Try again in a moment; if it keeps failing, tell your admin.`;
  }
}
