/** Why the model could not give a usable qualification. */
export type QualifierUnavailableReason =
  'timeout' | 'unreachable' | 'model_error' | 'invalid_reply' | 'invalid_json' | 'schema_mismatch';

/**
 * The model did not produce a usable answer. Callers fall back to the heuristic and record
 * `reason` + `message` on the lead's timeline, so "why was this lead scored by rules?" has an
 * answer.
 */
export class QualifierUnavailableError extends Error {
  override readonly name = 'QualifierUnavailableError';

  constructor(
    readonly reason: QualifierUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
