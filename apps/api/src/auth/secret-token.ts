import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret (session tokens, API keys, CSRF tokens). */
export const newSecretToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Long random secrets need no slow hash: sha256 keeps lookups indexable. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
