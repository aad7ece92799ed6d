import type { EntityManager } from '@baton/db';
import type { Facts } from '@baton/flow';

type Queryable = Pick<EntityManager, 'query'>;

/** The facts templates and conditions read, fresh from the database. */
export async function loadLeadFacts(
  db: Queryable,
  leadId: string,
): Promise<Facts & { email: string | null }> {
  const [l] = (await db.query(
    `SELECT l.id, l.name, l.email, l.phone, l.company, l.message, l.custom_fields, l.context, l.qualification,
            l.received_at, s.name AS source_name, s.slug AS source_slug
     FROM leads l JOIN sources s ON s.id = l.source_id WHERE l.id = $1`,
    [leadId],
  )) as Record<string, unknown>[];
  if (!l) throw new Error(`Lead ${leadId} does not exist`);
  return {
    email: (l['email'] as string | null) ?? null,
    lead: {
      id: l['id'],
      name: l['name'],
      email: l['email'],
      phone: l['phone'],
      company: l['company'],
      message: l['message'],
      customFields: l['custom_fields'],
      receivedAt: (l['received_at'] as Date).toISOString(),
      source: { name: l['source_name'], slug: l['source_slug'] },
    },
    qualification: (l['qualification'] as Record<string, unknown> | null) ?? {},
    context: (l['context'] as Record<string, unknown>) ?? {},
  };
}
