import { responseBuckets, type ResponseBucketKey } from '@baton/api-contract';
import { formatDuration } from '../../time/format-duration';

/** A 0..1 rate as a whole percentage; "—" when there was nothing to divide by. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export function formatSeconds(seconds: number | null): string {
  return seconds === null ? '—' : formatDuration(seconds * 1000);
}

const moneyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Revenue is in the install's own currency (a setting): a plain grouped number. */
export function formatMoney(amount: number): string {
  return moneyFormat.format(amount);
}

export function formatCount(count: number): string {
  return moneyFormat.format(count);
}

const labels = new Map<ResponseBucketKey, string>([
  ...responseBuckets.map((b) => [b.key, b.label] as const),
  ['never', 'Not contacted'],
]);

export function bucketLabel(bucket: ResponseBucketKey): string {
  return labels.get(bucket) ?? bucket;
}
