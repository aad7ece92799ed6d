import {
  buildTemplateVars,
  notifyConfigSchema,
  type NotifyConfig,
  renderTemplate,
} from '@baton/flow';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { managersFor, ownerOf, type Person, personById, teamOf } from './people/lead-people';
import { createInAppNotifications } from './support/in-app-notifications';
import { loadLeadFacts } from './support/lead-facts';
import { appendLeadEvent, findStepEvent } from './support/lead-events';
import { recordAfterDelivery } from './support/record-after-delivery';
import { clipText } from '@baton/text';

const recipientLabel: Record<NotifyConfig['to'], string> = {
  owner: 'the owner',
  manager: 'the manager',
  team: 'the team',
  user: 'a person',
  lead: 'the lead',
};

/**
 * Sends one notify step. At-least-once: the step's event is written after delivery (and that
 * write outlasts a database restart), so only a crash in between can repeat an email; a
 * completed step is never sent again.
 */
export const notify =
  (ports: ActivityPorts): HandoffActivities['notify'] =>
  async ({ leadId, stepId, config: rawConfig }) => {
    const { dataSource: db } = ports;
    const config = notifyConfigSchema.parse(rawConfig);
    const eventType = config.to === 'lead' ? 'auto_replied' : 'notified';
    const done = await findStepEvent(db, leadId, stepId, [eventType]);
    if (done) return { delivered: Number(done.data['delivered'] ?? 0) };

    const facts = await loadLeadFacts(db, leadId);
    const owner = await ownerOf(db, leadId);
    const [manager] = await managersFor(db, leadId);
    const vars = buildTemplateVars({
      facts,
      owner,
      manager: manager ?? null,
      extra: { link: `${ports.publicUrl}/leads/${leadId}` },
    });
    const subject = renderTemplate(config.subject ?? '', vars, { escape: 'none' }).trim();
    const text = renderTemplate(config.body, vars, { escape: 'none' });
    const html = renderTemplate(config.body, vars, { escape: 'html' }).replace(/\n/g, '<br>\n');

    const people = await recipients(db, leadId, config, owner);
    let delivered = 0;
    let skipped: string | undefined;
    if (config.to === 'lead' && !facts.email) skipped = 'the lead gave no email address';
    else if (config.to !== 'lead' && config.channel !== 'webhook' && people.length === 0)
      skipped = `nobody to notify: ${recipientLabel[config.to]} is not set`;
    else if (config.channel === 'in_app') {
      delivered = await createInAppNotifications(
        db,
        people.map((p) => p.id),
        {
          leadId,
          stepId,
          kind: 'message',
          title: clipText(subject || text.split('\n')[0] || 'New lead', 120),
          body: text,
        },
      );
    } else if (config.channel === 'email') {
      const addresses = config.to === 'lead' ? [facts.email as string] : people.map((p) => p.email);
      for (const to of addresses) {
        await ports.email.send({ to, subject, text, html });
        delivered++;
      }
    } else if (config.url) {
      await ports.webhook.send({
        url: config.url,
        body: { event: 'lead.notification', lead: facts.lead, message: text },
        idempotencyKey: `${leadId}:${stepId}`,
      });
      delivered = 1;
    }

    await recordAfterDelivery(() =>
      db.transaction(async (m) => {
        if (eventType === 'auto_replied' && delivered > 0) {
          // An auto-reply is the first response the lead gets.
          await m.query(
            `UPDATE leads SET first_response_at = coalesce(first_response_at, now()), updated_at = now() WHERE id = $1`,
            [leadId],
          );
        }
        await appendLeadEvent(m, {
          leadId,
          stepId,
          type: eventType,
          data: {
            channel: config.channel,
            recipient:
              config.to === 'lead'
                ? 'the lead'
                : people.map((p) => p.name).join(', ') || recipientLabel[config.to],
            delivered,
            ...(skipped ? { skipped } : {}),
            subject,
          },
        });
      }),
    );
    return { delivered, ...(skipped ? { skipped } : {}) };
  };

async function recipients(
  db: ActivityPorts['dataSource'],
  leadId: string,
  config: NotifyConfig,
  owner: Person | null,
): Promise<Person[]> {
  switch (config.to) {
    case 'owner':
      return owner ? [owner] : [];
    case 'manager':
      return managersFor(db, leadId);
    case 'team':
      return teamOf(db, leadId);
    case 'user': {
      const person = config.userId ? await personById(db, config.userId) : null;
      return person ? [person] : [];
    }
    case 'lead':
      return [];
  }
}
