import { HttpException, Inject, Injectable } from '@nestjs/common';
import type {
  BulkActionResult,
  BulkLeadResult,
  CurrentUser,
  LeadActionResult,
} from '@baton/api-contract';
import { LeadActionsService } from './lead-actions.service';

/** How many leads' workflows a bulk request talks to at once. */
const CONCURRENCY = 8;

/**
 * Bulk actions are the single actions, lead by lead (same access checks, same workflow updates,
 * same idempotency), with each lead's answer or error reported instead of failing the lot.
 */
@Injectable()
export class BulkLeadActionsService {
  constructor(@Inject(LeadActionsService) private readonly actions: LeadActionsService) {}

  assign(
    user: CurrentUser,
    leadIds: readonly string[],
    toUserId: string,
    reason: string,
    key?: string,
  ): Promise<BulkActionResult> {
    return this.each(leadIds, (leadId) =>
      this.actions.reassign(user, leadId, toUserId, reason, perLeadKey(key, leadId)),
    );
  }

  disqualifyAsSpam(
    user: CurrentUser,
    leadIds: readonly string[],
    reason: string,
    key?: string,
  ): Promise<BulkActionResult> {
    return this.each(leadIds, (leadId) =>
      this.actions.disqualify(user, leadId, reason, perLeadKey(key, leadId), true),
    );
  }

  private async each(
    leadIds: readonly string[],
    act: (leadId: string) => Promise<LeadActionResult>,
  ): Promise<BulkActionResult> {
    const results: BulkLeadResult[] = new Array(leadIds.length);
    let next = 0;
    const lane = async () => {
      while (next < leadIds.length) {
        const index = next++;
        const leadId = leadIds[index] as string;
        results[index] = await act(leadId).then(
          (r): BulkLeadResult => ({ leadId, ok: true, ownerId: r.ownerId, status: r.status }),
          (err: unknown): BulkLeadResult => ({ leadId, ok: false, ...failureOf(err) }),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, leadIds.length) }, lane));
    return { results };
  }
}

/** A retried bulk request with the same Idempotency-Key repeats each lead's own action once. */
const perLeadKey = (key: string | undefined, leadId: string) =>
  key ? `bulk:${key}:${leadId.toLowerCase()}` : undefined;

function failureOf(err: unknown): { httpStatus: number; message: string } {
  if (err instanceof HttpException) {
    const body = err.getResponse();
    const message =
      typeof body === 'object' && body !== null && 'message' in body
        ? String((body as { message: unknown }).message)
        : err.message;
    return { httpStatus: err.getStatus(), message };
  }
  return { httpStatus: 500, message: 'Unexpected error; try again' };
}
