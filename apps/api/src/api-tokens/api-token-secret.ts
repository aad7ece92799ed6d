import { API_TOKEN_PREFIX } from '@baton/api-contract';
import { newSecretToken, sha256 } from '../auth/secret-token';

export interface IssuedApiToken {
  /** Shown once, in the answer that created it; never stored. */
  secret: string;
  /** What the database keeps: sha256 hex, looked up by AuthGuard. */
  tokenHash: string;
  /** `baton_pat_` and 6 characters: enough to tell tokens apart, useless to an attacker. */
  tokenPrefix: string;
}

export const API_TOKEN_SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

/** `baton_pat_` + 32 random bytes (base64url): 256 bits, so sha256 at rest is enough. */
export function issueApiToken(): IssuedApiToken {
  const secret = `${API_TOKEN_PREFIX}${newSecretToken(32)}`;
  return {
    secret,
    tokenHash: sha256(secret),
    tokenPrefix: secret.slice(0, API_TOKEN_SHOWN_PREFIX_LENGTH),
  };
}
