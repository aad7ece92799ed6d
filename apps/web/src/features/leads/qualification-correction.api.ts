import {
  qualificationCorrectionViewSchema,
  type QualificationCorrectionBody,
  type QualificationCorrectionView,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';
import { idempotencyHeaderName } from '../../api/idempotency-key';

/** Stores a person's correction of the lead's qualification (a label for eval:qualify). */
export function postQualificationCorrection(
  leadId: string,
  body: QualificationCorrectionBody,
  idempotencyKey: string,
): Promise<QualificationCorrectionView> {
  return apiRequest(
    'POST',
    `/api/v1/leads/${encodeURIComponent(leadId)}/qualification/corrections`,
    qualificationCorrectionViewSchema,
    { body, headers: { [idempotencyHeaderName]: idempotencyKey } },
  );
}
