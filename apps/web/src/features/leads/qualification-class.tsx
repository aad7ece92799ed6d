import type { QualificationClass } from '@baton/api-contract';

export const qualificationClassLabels: Record<QualificationClass, string> = {
  hot: 'Hot',
  warm: 'Warm',
  cold: 'Cold',
  spam: 'Spam',
};

export function QualificationClassBadge({ value }: { value: QualificationClass }) {
  return <span className={`class-badge class-${value}`}>{qualificationClassLabels[value]}</span>;
}
