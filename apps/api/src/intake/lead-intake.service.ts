import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { LeadAccepted, LeadIntake } from '@baton/api-contract';
import { DataSource, type EntityManager, LEAD_CHANGED_CHANNEL, type SourceEntity } from '@baton/db';
import { WorkflowDispatcher } from '../dispatch/workflow-dispatcher.service';
import { isUniqueViolation } from '../database/is-unique-violation';
import { requestFingerprint } from './request-fingerprint';

/**
 * Stores an inbound lead and its "start pending" marker in one transaction, then asks the
 * dispatcher to start the workflow. The answer never waits for Temporal.
 */
@Injectable()
export class LeadIntakeService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(WorkflowDispatcher) private readonly dispatcher: WorkflowDispatcher,
  ) {}

  /**
   * With an Idempotency-Key, a retried request gets the first answer; the same key with another
   * body is the sender's bug and gets 422. The key is stored in the lead's transaction, so a key
   * never points at a lead that was not stored.
   */
  async accept(
    source: SourceEntity,
    lead: LeadIntake,
    idempotencyKey?: string,
    receivedAt = new Date(),
  ): Promise<LeadAccepted> {
    const fingerprint = requestFingerprint(lead);
    for (let attempt = 0; ; attempt++) {
      try {
        const { replayed, ...answer } = await this.db.transaction(async (m) => {
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
        return answer;
      } catch (err) {
        // Two requests with the same new key raced: the loser rolled back; read the winner's answer.
        if (attempt === 0 && isUniqueViolation(err, 'idempotency_keys_pkey')) continue;
        throw err;
      }
    }
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
    m: EntityManager,
    source: SourceEntity,
    lead: LeadIntake,
    receivedAt: Date,
  ): Promise<LeadAccepted> {
    // New leads run on the published version of their source's flow, pinned for life.
    const rows: { id: string }[] = await m.query(
      `INSERT INTO leads (source_id, external_id, name, email, phone, company, message, custom_fields, context,
                          received_at, flow_version_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
               (SELECT published_version_id FROM flows WHERE id = $11))
       ON CONFLICT (source_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
       RETURNING id`,
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
      ],
    );
    const inserted = rows[0];
    if (inserted) {
      await m.query(`INSERT INTO workflow_starts (lead_id) VALUES ($1)`, [inserted.id]);
      await m.query(`SELECT pg_notify($1, $2)`, [LEAD_CHANGED_CHANNEL, inserted.id]);
      return { id: inserted.id, status: 'accepted' };
    }
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
