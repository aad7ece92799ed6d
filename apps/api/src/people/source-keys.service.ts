import { Injectable } from '@nestjs/common';
import { newSecretToken, sha256 } from '../auth/secret-token';

export interface IssuedSourceKey {
  /** Shown once, in the response that created it; never stored. */
  apiKey: string;
  /** What the database keeps: sha256 hex, looked up by the intake guard. */
  apiKeyHash: string;
  /** "bat_" and 8 characters: enough to tell keys apart in the UI, useless to an attacker. */
  apiKeyPrefix: string;
}

export const SOURCE_KEY_PREFIX_LENGTH = 12;

/** Mints source API keys: `bat_` + 24 random bytes (base64url). */
@Injectable()
export class SourceKeysService {
  issue(): IssuedSourceKey {
    const apiKey = `bat_${newSecretToken(24)}`;
    return {
      apiKey,
      apiKeyHash: sha256(apiKey),
      apiKeyPrefix: apiKey.slice(0, SOURCE_KEY_PREFIX_LENGTH),
    };
  }
}
