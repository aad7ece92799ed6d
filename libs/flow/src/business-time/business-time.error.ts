/** A schedule that cannot answer (never opens, unknown zone, bad input); the message says why. */
export class BusinessTimeError extends Error {
  override readonly name = 'BusinessTimeError';
}
