import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { LeadAccepted, LeadIntake } from '@baton/api-contract';
import { DataSource, type EntityManager, LEAD_CHANGED_CHANNEL, type SourceEntity } from '@baton/db';
import { WorkflowDispatcher } from '../dispatch/workflow-dispatcher.service';
import { isUniqueViolation } from '../database/is-unique-violation';
import { requestFingerprint } from './request-fingerprint';
import { INTAKE_SIGNATURE_HEADER } from './request-signature';
import { purgeSeenSignatures, rememberSignature } from './seen-signatures';

/** Seen signatures are purged at most this often per API instance, after a signed lead. */
const PURGE_EVERY_MS = 60_000;

/**
 * Stores an inbound lead and its "start pending" marker atomically, then asks the dispatcher to
 * start the workflow. The answer never waits for Temporal.
 */
@Injectable()
export class LeadIntakeService {
  private readonly logger = new Logger(LeadIntakeService.name);
  private lastPurge = 0;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(WorkflowDispatcher) private readonly dispatcher: WorkflowDispatcher,
  ) {}

  /**
   * With an Idempotency-Key, a retried request gets the first answer; the same key with another
   * body is the sender's bug and gets 422. The key is stored in the lead's transaction, so a key
   * never points at a lead that was not stored.
   *
   * `signature` is the request's X-Baton-Signature as verified by the auth guard, for sources
   * that require signing. It is recorded in the same transaction, so a signed request is
   * accepted once; a request refused for another reason (429, 422, a failed write) has not used
   * up its signature. A retry must be signed again (new timestamp); with the same
   * Idempotency-Key it then gets the first answer.
   */
  async accept(
    source: SourceEntity,
    lead: LeadIntake,
    idempotencyKey?: string,
    receivedAt = new Date(),
    signature?: string,
  ): Promise<LeadAccepted> {
    if (source.signatureRequired && !signature) {
      // Only the public form endpoint gets here unsigned (the guard checks POST /api/v1/leads):
      // a web page cannot hold a signing secret, so a source that requires signing has no form.
      throw new ForbiddenException({
        error: 'Forbidden',
        message: `Source "${source.slug}" only accepts signed requests: POST /api/v1/leads with its API key and an ${INTAKE_SIGNATURE_HEADER} header`,
      });
    }
    if (!idempotencyKey && !signature) {
      // Nothing to check or remember alongside the lead: store it in one statement.
      const answer = await this.store(this.db, source, lead, receivedAt);
      if (!answer.duplicateOf) this.dispatcher.kick(answer.id);
      return answer;
    }
    const fingerprint = requestFingerprint(lead);
    for (let attempt = 0; ; attempt++) {
      try {
        const { replayed, ...answer } = await this.db.transaction(async (m) => {
          if (signature && !(await rememberSignature(m, source.id, signature))) {
            throw new UnauthorizedException({
              error: 'Unauthorized',
              message: `${INTAKE_SIGNATURE_HEADER}: this signed request was already received; sign each attempt anew (a fresh timestamp) and send the same Idempotency-Key to retry safely`,
            });
          }
          if (idempotencyKey) {
            const earlier = await this.replay(m, source.id, idempotencyKey, fingerprint);
            if (earlier) return { ...earlier, replayed: true };
          }
          const stored = await this.store(m, source, lead, receivedAt);
          if (idempotencyKey) {
            await m.query(
              `INSERT INTO idempotency_keys (source_id, key, request_hash, response_status, response_body) VALUES ($1, $2, $3, 202, $4)`,
              [source.id, idempotencyKey, fingerprint, JSON.stringify(stored)],
            );
          }
          return { ...stored, replayed: false };
        });
        if (!replayed && !answer.duplicateOf) this.dispatcher.kick(answer.id);
        if (signature) this.purgeSeenSignaturesNowAndThen();
        return answer;
      } catch (err) {
        // Two requests with the same new key raced: the loser rolled back; read the winner's answer.
        if (attempt === 0 && isUniqueViolation(err, 'idempotency_keys_pkey')) continue;
        throw err;
      }
    }
  }

  private purgeSeenSignaturesNowAndThen(now = Date.now()): void {
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    void purgeSeenSignatures(this.db).catch((err: unknown) =>
      this.logger.warn(`Could not purge old request signatures: ${String(err)}`),
    );
  }

  private async replay(
    m: EntityManager,
    sourceId: string,
    key: string,
    fingerprint: string,
  ): Promise<LeadAccepted | null> {
    const [row] = (await m.query(
      `SELECT request_hash, response_body FROM idempotency_keys WHERE source_id = $1 AND key = $2`,
      [sourceId, key],
    )) as { request_hash: string; response_body: LeadAccepted }[];
    if (!row) return null;
    if (row.request_hash !== fingerprint) {
      throw new UnprocessableEntityException({
        error: 'Unprocessable Entity',
        message:
          'This Idempotency-Key was already used with a different body; use a new key for a new lead',
      });
    }
    return row.response_body;
  }

  private async store(
    m: Pick<EntityManager, 'query'>,
    source: SourceEntity,
    lead: LeadIntake,
    receivedAt: Date,
  ): Promise<LeadAccepted> {
    // New leads run on the published version of their source's flow, pinned for life.
    // One statement writes the lead, its start-pending marker and the live-update notice: it is
    // atomic on its own, so the common path needs no BEGIN/COMMIT round trips.
    const rows: { id: string }[] = await m.query(
      `WITH lead AS (
         INSERT INTO leads (source_id, external_id, name, email, phone, company, message, custom_fields, context,
                            received_at, flow_version_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                 (SELECT published_version_id FROM flows WHERE id = $11))
         ON CONFLICT (source_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
         RETURNING id
       ), marker AS (
         INSERT INTO workflow_starts (lead_id) SELECT id FROM lead
       )
       SELECT id, pg_notify($12, id::text) FROM lead`,
      [
        source.id,
        lead.externalId ?? null,
        lead.contact.name,
        lead.contact.email?.toLowerCase() ?? null,
        lead.contact.phone ?? null,
        lead.contact.company ?? null,
        lead.message ?? null,
        JSON.stringify(lead.customFields ?? {}),
        JSON.stringify(lead.source ?? {}),
        receivedAt,
        source.flowId,
        LEAD_CHANGED_CHANNEL,
      ],
    );
    const inserted = rows[0];
    if (inserted) return { id: inserted.id, status: 'accepted' };
    // Same source + external id: fold into the first lead and say so on its timeline.
    const [first] = (await m.query(
      `SELECT id FROM leads WHERE source_id = $1 AND external_id = $2`,
      [source.id, lead.externalId],
    )) as { id: string }[];
    if (!first) throw new Error('Lead insert conflicted but no earlier lead was found');
    await m.query(
      `INSERT INTO lead_events (lead_id, type, actor_type, actor_id, data) VALUES ($1, 'duplicate', 'source', $2, $3)`,
      [
        first.id,
        source.id,
        JSON.stringify({ contact: lead.contact, message: lead.message ?? null }),
      ],
    );
    await m.query(`SELECT pg_notify($1, $2)`, [LEAD_CHANGED_CHANNEL, first.id]);
    return { id: first.id, status: 'accepted', duplicateOf: first.id };
  }
}
