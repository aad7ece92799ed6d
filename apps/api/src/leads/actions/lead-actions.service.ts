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
import { setTimeout as sleep } from 'node:timers/promises';
import type { CurrentUser, LeadActionResult } from '@baton/api-contract';
import { DataSource, WorkflowStartEntity } from '@baton/db';
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

/**
 * How long an action on a lead answered 202 a moment ago waits for its workflow to start (the
 * dispatcher starts it within milliseconds of intake unless Temporal is struggling).
 */
const START_WAIT_MS = 3_000;
const START_POLL_MS = 100;
/**
 * Longest wait for the workflow to take an update. With no worker polling (crashed, restarting)
 * Temporal holds the update for ever; the person gets a 503 to retry instead of a hung request.
 */
export const LEAD_ACTION_TIMEOUT_MS = 10_000;

type Client = Awaited<ReturnType<TemporalClientService['client']>>;
type Send = (
  handle: ReturnType<Client['workflow']['getHandle']>,
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
    @Inject(DataSource) private readonly db: DataSource,
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

  disqualify(user: CurrentUser, leadId: string, reason: string, key?: string, spam = false) {
    return this.run(user, leadId, 'disqualify', key, (h, actionId) =>
      h.executeUpdate(disqualifyUpdate, {
        args: [{ actionId, userId: user.id, reason, ...(spam ? { spam } : {}) }],
      }),
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
    // An Idempotency-Key makes a retried request the same action (the workflow records it once).
    const actionId = key ? `${user.id}:${key}` : randomUUID();
    try {
      try {
        return await this.sendInTime(client, leadId, actionId, send);
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
        // Temporal answers "not found" for an update to a finished workflow, too.
        if (await this.hasFinished(client, leadId)) throw closedLead();
        // Fresh from intake: give the dispatcher a moment to start the workflow, then try again.
        if (!(await this.startsSoon(leadId))) throw err;
        return await this.sendInTime(client, leadId, actionId, send);
      }
    } catch (err) {
      throw this.toHttpError(err);
    }
  }

  private async sendInTime(
    client: Client,
    leadId: string,
    actionId: string,
    send: Send,
  ): Promise<LeadActionResult> {
    const deadline = AbortSignal.timeout(LEAD_ACTION_TIMEOUT_MS);
    try {
      return await client.withAbortSignal(deadline, () =>
        send(client.workflow.getHandle(leadWorkflowId(leadId)), actionId),
      );
    } catch (err) {
      if (!deadline.aborted) throw err;
      this.logger.warn(`Lead ${leadId}: the workflow took no ${actionId} update in time`);
      throw new HttpException(
        {
          error: 'Service Unavailable',
          message: `The lead's workflow did not answer within ${LEAD_ACTION_TIMEOUT_MS / 1000}s; try again with the same Idempotency-Key (the action is applied at most once)`,
          retryAfter: 5,
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }

  /** Whether the lead's workflow exists and is no longer running (contacted, disqualified, …). */
  private async hasFinished(client: Client, leadId: string): Promise<boolean> {
    try {
      const described = await client.workflow.getHandle(leadWorkflowId(leadId)).describe();
      return described.status.name !== 'RUNNING';
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }

  /** Whether the lead's "start pending" marker goes (its workflow started) within START_WAIT_MS. */
  private async startsSoon(leadId: string): Promise<boolean> {
    const markers = this.db.getRepository(WorkflowStartEntity);
    const until = Date.now() + START_WAIT_MS;
    while (await markers.existsBy({ leadId })) {
      if (Date.now() >= until) return false;
      await sleep(START_POLL_MS);
    }
    return true;
  }

  private toHttpError(err: unknown): HttpException {
    if (err instanceof HttpException) return err;
    if (err instanceof WorkflowUpdateFailedError) {
      return new ConflictException({
        error: 'Conflict',
        message: messageOf(err.cause) ?? err.message,
      });
    }
    if (err instanceof WorkflowNotFoundError) {
      return new HttpException(
        {
          error: 'Service Unavailable',
          message: "This lead's workflow has not started yet; try again in a moment",
          retryAfter: 5,
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    if (/already completed|workflow execution already completed/i.test(messageOf(err) ?? '')) {
      return closedLead();
    }
    return this.unavailable(err);
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

function closedLead(): ConflictException {
  return new ConflictException({ error: 'Conflict', message: 'This lead is closed' });
}

function messageOf(err: unknown): string | undefined {
  return err instanceof Error ? err.message : undefined;
}
