import type { EntityManager } from '@baton/db';
import { createInAppNotifications, type InAppNotification } from '../support/in-app-notifications';
import type { Person } from './lead-people';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Sends one in-app alert about a lead to these people; `title` gets the lead's name (a lead's
 * name is data, and this only ever renders it as text). Returns a readable list of who got it.
 */
export async function alertPeople(
  db: Queryable,
  people: Person[],
  alert: Omit<InAppNotification, 'title'> & { title: (leadName: string) => string },
): Promise<string> {
  const [lead] = (await db.query(`SELECT name FROM leads WHERE id = $1`, [alert.leadId])) as {
    name: string;
  }[];
  await createInAppNotifications(
    db,
    people.map((p) => p.id),
    { ...alert, title: alert.title(lead?.name ?? 'A lead') },
  );
  return people.map((p) => p.name).join(', ');
}
