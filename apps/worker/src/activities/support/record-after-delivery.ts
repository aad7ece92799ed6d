import { backOff } from 'exponential-backoff';
import { permanentFailureType } from '../../interceptors/permanent-failure';

/**
 * Writes what a step has just delivered. Once an email or a webhook is out, a failed write would
 * make Temporal retry the step, and the retry would find no record and send it again; so the
 * write rides out a short database outage (a restart) here, within the attempt, before giving up.
 */
export function recordAfterDelivery<T>(write: () => Promise<T>): Promise<T> {
  return backOff(write, {
    numOfAttempts: 8, // about 15 s in all, well inside the step's 30 s
    startingDelay: 250,
    timeMultiple: 2,
    maxDelay: 4_000,
    retry: (err: unknown) => permanentFailureType(err) === null,
  });
}
