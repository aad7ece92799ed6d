import {
  ConflictException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { CurrentUser, LeadActionResult } from '@baton/api-contract';
import {
  claimUpdate,
  contactedUpdate,
  disqualifyUpdate,
  leadWorkflowId,
  noteSignal,
  reassignUpdate,
} from '@baton/workflows/contract';
import { TemporalClientService } from '../../temporal/temporal-client.service';
import { type LeadAction, LeadAccessService } from '../lead-access.service';

type Send = (
  handle: ReturnType<Awaited<ReturnType<TemporalClientService['client']>>['workflow']['getHandle']>,
  actionId: string,
) => Promise<LeadActionResult>;

/**
 * People's actions go to the lead's workflow (the single writer of a lead's state) as updates, so
 * the answer says whether the workflow accepted them. The same Idempotency-Key is the same action.
 */
@Injectable()
export class LeadActionsService {
  private readonly logger = new Logger(LeadActionsService.name);

  constructor(
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
    @Inject(LeadAccessService) private readonly access: LeadAccessService,
  ) {}

  contacted(user: CurrentUser, leadId: string, at: string | undefined, key?: string) {
    return this.run(user, leadId, 'contacted', key, (h, actionId) =>
      h.executeUpdate(contactedUpdate, {
        args: [{ actionId, userId: user.id, ...(at ? { at: new Date(at).toISOString() } : {}) }],
      }),
    );
  }

  claim(user: CurrentUser, leadId: string, key?: string) {
    return this.run(user, leadId, 'claim', key, (h, actionId) =>
      h.executeUpdate(claimUpdate, { args: [{ actionId, userId: user.id }] }),
    );
  }

  reassign(
    user: CurrentUser,
    leadId: string,
    toUserId: string | null,
    reason: string,
    key?: string,
  ) {
    return this.run(user, leadId, 'reassign', key, (h, actionId) =>
      h.executeUpdate(reassignUpdate, { args: [{ actionId, userId: user.id, toUserId, reason }] }),
    );
  }

  disqualify(user: CurrentUser, leadId: string, reason: string, key?: string) {
    return this.run(user, leadId, 'disqualify', key, (h, actionId) =>
      h.executeUpdate(disqualifyUpdate, { args: [{ actionId, userId: user.id, reason }] }),
    );
  }

  note(user: CurrentUser, leadId: string, text: string, key?: string) {
    return this.run(user, leadId, 'note', key, async (h, actionId) => {
      await h.signal(noteSignal, { actionId, userId: user.id, text });
      return { ok: true as const, ownerId: null, status: 'accepted' };
    });
  }

  private async run(
    user: CurrentUser,
    leadId: string,
    action: LeadAction,
    key: string | undefined,
    send: Send,
  ): Promise<LeadActionResult> {
    await this.access.assertCan(user, leadId, action);
    let client;
    try {
      client = await this.temporal.client();
    } catch (err) {
      throw this.unavailable(err);
    }
    try {
      // An Idempotency-Key makes a retried request the same action (the workflow records it once).
      return await send(
        client.workflow.getHandle(leadWorkflowId(leadId)),
        key ? `${user.id}:${key}` : randomUUID(),
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        throw new ConflictException({
          error: 'Conflict',
          message: messageOf(err.cause) ?? err.message,
        });
      }
      if (err instanceof WorkflowNotFoundError) {
        throw new HttpException(
          {
            error: 'Service Unavailable',
            message: "This lead's workflow has not started yet; try again in a moment",
          },
          HttpStatus.SERVICE_UNAVAILABLE,
        );
      }
      if (/already completed|workflow execution already completed/i.test(messageOf(err) ?? '')) {
        throw new ConflictException({ error: 'Conflict', message: 'This lead is closed' });
      }
      throw this.unavailable(err);
    }
  }

  private unavailable(err: unknown): HttpException {
    this.logger.warn(`Temporal unavailable for a lead action: ${messageOf(err)}`);
    return new HttpException(
      {
        error: 'Service Unavailable',
        message: 'The workflow service is unavailable; try again in a moment',
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

function messageOf(err: unknown): string | undefined {
  return err instanceof Error ? err.message : undefined;
}
