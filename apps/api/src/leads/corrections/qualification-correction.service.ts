import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  classOfQualification,
  type CurrentUser,
  type QualificationCorrectionBody,
  type QualificationCorrectionView,
} from '@baton/api-contract';
import { DataSource, LEAD_CHANGED_CHANNEL } from '@baton/db';
import { LeadAccessService } from '../lead-access.service';
import { findCorrectionByKey } from './qualification-correction.query';

/**
 * Stores a person's correction of a lead's qualification: a label for `eval:qualify`, not a
 * change to the lead. So it is written here rather than sent to the lead's workflow (which owns
 * the lead's state): it changes nothing the workflow decides on, and a closed lead, whose workflow
 * has finished, can still be labelled. The timeline event is the action's audit record, as for
 * the other lead actions.
 */
@Injectable()
export class QualificationCorrectionService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(LeadAccessService) private readonly access: LeadAccessService,
  ) {}

  async correct(
    user: CurrentUser,
    leadId: string,
    body: QualificationCorrectionBody,
    key?: string,
  ): Promise<QualificationCorrectionView> {
    await this.access.assertVisible(user, leadId);
    const note = body.note ? body.note : null;
    return this.db.transaction(async (m) => {
      // The snapshot is read in the insert itself, so it is the qualification being corrected
      // even if the worker writes a new one meanwhile.
      const [stored] = (await m.query(
        `INSERT INTO qualification_corrections (lead_id, corrected_by_id, class, note, qualification, idempotency_key)
         SELECT l.id, $2, $3, $4, l.qualification, $5 FROM leads l WHERE l.id = $1
         ON CONFLICT (lead_id, corrected_by_id, idempotency_key) WHERE idempotency_key IS NOT NULL
         DO NOTHING
         RETURNING id, qualification, created_at`,
        [leadId, user.id, body.class, note, key ?? null],
      )) as { id: string; qualification: Record<string, unknown> | null; created_at: Date }[];
      if (!stored) {
        // The same Idempotency-Key again: the label is stored already, answer with it.
        const earlier = key ? await findCorrectionByKey(m, leadId, user.id, key) : null;
        if (earlier) return earlier;
        throw new NotFoundException(`Lead ${leadId} does not exist`); // erased meanwhile
      }
      const previousClass = classOfQualification(stored.qualification);
      const score = stored.qualification?.['score'];
      await m.query(
        `INSERT INTO lead_events (lead_id, type, actor_type, actor_id, data)
         VALUES ($1, 'qualification_corrected', 'user', $2, $3)`,
        [
          leadId,
          user.id,
          JSON.stringify({
            correctionId: stored.id,
            class: body.class,
            previousClass,
            ...(typeof score === 'number' ? { previousScore: score } : {}),
            note,
          }),
        ],
      );
      // Delivered at commit: open lead pages refetch and show the correction.
      await m.query(`SELECT pg_notify($1, $2)`, [LEAD_CHANGED_CHANNEL, leadId]);
      return {
        id: stored.id,
        class: body.class,
        previousClass,
        note,
        correctedBy: { id: user.id, name: user.name },
        createdAt: stored.created_at.toISOString(),
      };
    });
  }
}
