import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DataSource } from '@baton/db';
import { Roles } from '../auth/auth.decorators';

const auditQuerySchema = z
  .object({
    entityType: z
      .enum(['flow', 'flow_version', 'user', 'team', 'schedule', 'source', 'setting', 'api_token'])
      .optional(),
    entityId: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.coerce.number().int().positive().optional(),
  })
  .strict();

@ApiTags('audit')
@Roles('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** Newest first; page with `before=<id of the last entry>`. */
  @Get()
  async list(@Query({ schema: auditQuerySchema }) q: z.infer<typeof auditQuerySchema>) {
    const rows: { id: string }[] = await this.db.query(
      `SELECT a.id::text, a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.before, a.after, a.at,
              a.actor_id AS "actorId", u.name AS "actorName"
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE ($1::text IS NULL OR a.entity_type = $1) AND ($2::text IS NULL OR a.entity_id = $2) AND ($3::bigint IS NULL OR a.id < $3)
       ORDER BY a.id DESC LIMIT $4`,
      [q.entityType ?? null, q.entityId ?? null, q.before ?? null, q.limit],
    );
    return {
      items: rows,
      nextBefore: rows.length === q.limit ? Number(rows[rows.length - 1]?.id) : null,
    };
  }
}
