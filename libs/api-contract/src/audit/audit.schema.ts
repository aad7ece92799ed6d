import { z } from 'zod';

/** What an audit entry is about (the audit_log's entity_type). */
export const auditEntityTypes = [
  'flow',
  'flow_version',
  'user',
  'team',
  'schedule',
  'source',
  'setting',
  'api_token',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

const instant = (what: string) =>
  z.iso.datetime({
    offset: true,
    error: `${what} must be an ISO date-time, e.g. 2026-01-31T00:00:00Z`,
  });

/** GET /api/v1/audit: filters, all optional, and keyset paging newest first. */
export const auditQuerySchema = z
  .object({
    actorId: z
      .uuid('actorId must be a person id (uuid)')
      .optional()
      .describe('Who made the change'),
    entityType: z.enum(auditEntityTypes).optional(),
    entityId: z.string().max(100).optional(),
    action: z
      .string()
      .max(100)
      .regex(/^[a-z_.]+$/, 'action is a name like user.update')
      .optional()
      .describe('Exactly this action, e.g. user.update'),
    from: instant('from').optional().describe('Changes at or after this instant'),
    to: instant('to').optional().describe('Changes before this instant'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.coerce
      .number()
      .int()
      .positive()
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .describe('nextBefore of the previous page'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'to must be after from',
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    entityName: z
      .string()
      .nullable()
      .describe('The person, team, flow… by its name now (or when it was deleted)'),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    at: z.iso.datetime({ offset: true }),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema),
    nextBefore: z.number().int().nullable().describe('Pass as `before` for the next page'),
  })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof auditPageSchema>;
