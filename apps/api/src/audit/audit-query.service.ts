import { Inject, Injectable } from '@nestjs/common';
import type { AuditEntry, AuditPage, AuditQuery } from '@baton/api-contract';
import { DataSource } from '@baton/db';

interface AuditRow extends Omit<AuditEntry, 'at'> {
  at: Date;
}

/**
 * Reads the audit log newest first, filtered, one keyset page at a time (`before` = the id the
 * previous page ended on: stable while new entries arrive). Each entry carries the name of what
 * it is about, so people read "Sam", not a uuid.
 */
@Injectable()
export class AuditQueryService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(q: AuditQuery): Promise<AuditPage> {
    const rows: AuditRow[] = await this.db.query(
      `SELECT a.id::text, a.action, a.entity_type AS "entityType", a.entity_id AS "entityId",
              a.before, a.after, a.at, a.actor_id AS "actorId", actor.name AS "actorName",
              coalesce(
                CASE a.entity_type
                  WHEN 'user' THEN (SELECT name FROM users WHERE id::text = a.entity_id)
                  WHEN 'team' THEN (SELECT name FROM teams WHERE id::text = a.entity_id)
                  WHEN 'flow' THEN (SELECT name FROM flows WHERE id::text = a.entity_id)
                  WHEN 'source' THEN (SELECT name FROM sources WHERE id::text = a.entity_id)
                  WHEN 'schedule' THEN (SELECT name FROM schedules WHERE id::text = a.entity_id)
                END,
                a.before->>'name', a.after->>'name') AS "entityName"
       FROM audit_log a LEFT JOIN users actor ON actor.id = a.actor_id
       WHERE ($1::text IS NULL OR a.entity_type = $1)
         AND ($2::text IS NULL OR a.entity_id = $2)
         AND ($3::uuid IS NULL OR a.actor_id = $3)
         AND ($4::text IS NULL OR a.action = $4)
         AND ($5::timestamptz IS NULL OR a.at >= $5)
         AND ($6::timestamptz IS NULL OR a.at < $6)
         AND ($7::bigint IS NULL OR a.id < $7)
       ORDER BY a.id DESC LIMIT $8`,
      [
        q.entityType ?? null,
        q.entityId ?? null,
        q.actorId ?? null,
        q.action ?? null,
        q.from ?? null,
        q.to ?? null,
        q.before ?? null,
        q.limit + 1,
      ],
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
      nextBefore: rows.length > q.limit && last ? Number(last.id) : null,
    };
  }
}
