import type { SourceSigning } from '@baton/api-contract';
import type { EntityManager } from '@baton/db';
import { deriveSourceSigningSecret } from '../intake/request-signature';
import { conflict, notFound } from './people-errors';

/**
 * Request signing of a source, as stored: a flag and a key version. The secret itself is derived
 * from BATON_SIGNING_KEY (see deriveSourceSigningSecret) and never stored or logged.
 */
export interface SigningState {
  signatureRequired: boolean;
  signingKeyVersion: number;
}

export async function readSigningState(
  m: Pick<EntityManager, 'query'>,
  id: string,
  forUpdate = false,
): Promise<SigningState> {
  const rows: { signature_required: boolean; signing_key_version: number }[] = await m.query(
    `SELECT signature_required, signing_key_version FROM sources WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound(`There is no source ${id}`);
  return { signatureRequired: row.signature_required, signingKeyVersion: row.signing_key_version };
}

/** Enabling or rotating needs the master key; 409 with what to set when the server has none. */
export function requireSigningKey(masterKey: string | undefined): string {
  if (!masterKey) {
    throw conflict(
      'Request signing needs BATON_SIGNING_KEY (at least 32 random characters) in the API server environment; it is not set',
    );
  }
  return masterKey;
}

/** The API's view; `withSecret` only in the answer to enable and rotate. */
export function toSigningView(
  id: string,
  state: SigningState,
  masterKey: string | undefined,
  withSecret = false,
): SourceSigning {
  return {
    sourceId: id,
    signatureRequired: state.signatureRequired,
    signingKeyVersion: state.signingKeyVersion,
    signingAvailable: masterKey !== undefined,
    ...(withSecret && masterKey
      ? { signingSecret: deriveSourceSigningSecret(masterKey, id, state.signingKeyVersion) }
      : {}),
  };
}
