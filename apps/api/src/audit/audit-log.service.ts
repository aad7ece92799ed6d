import { Inject, Injectable } from '@nestjs/common';
import type { AuditEntityType } from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';

export interface AuditEntry {
  actorId: string | null;
  /** e.g. flow.publish, user.update, source.rotate_key */
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Secrets never reach the audit log, whatever a caller passes. */
const REDACTED = new Set([
  'passwordHash',
  'password',
  'apiKeyHash',
  'apiKey',
  'hmacSecret',
  'password_hash',
  'api_key_hash',
]);
const redact = (value: Record<string, unknown> | null | undefined) =>
  value
    ? Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, REDACTED.has(k) ? '[redacted]' : v]),
      )
    : null;

/** Who changed which flow, person, source or setting, and how. Write it in the change's transaction. */
@Injectable()
export class AuditLogService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async record(entry: AuditEntry, manager: Pick<EntityManager, 'query'> = this.db): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.actorId,
        entry.action,
        entry.entityType,
        entry.entityId,
        JSON.stringify(redact(entry.before)),
        JSON.stringify(redact(entry.after)),
      ],
    );
  }
}
