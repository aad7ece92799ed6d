import { webhookConfigSchema } from '@baton/flow';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { loadLeadFacts } from './support/lead-facts';
import { appendLeadEvent } from './support/lead-events';
import { recordAfterDelivery } from './support/record-after-delivery';

export const callWebhook =
  (ports: ActivityPorts): HandoffActivities['callWebhook'] =>
  async ({ leadId, stepId, config: rawConfig }) => {
    const config = webhookConfigSchema.parse(rawConfig);
    const secret = config.secretRef ? ports.secrets(config.secretRef) : undefined;
    if (config.secretRef && !secret)
      throw new Error(`The signing secret "${config.secretRef}" is not configured on the worker`);
    const facts = await loadLeadFacts(ports.dataSource, leadId);
    const { status } = await ports.webhook.send({
      url: config.url,
      ...(secret ? { secret } : {}),
      body: {
        event: 'lead.routed',
        lead: facts.lead,
        qualification: facts.qualification,
        context: facts.context,
      },
      // The receiver can drop a repeat of the same step.
      idempotencyKey: `${leadId}:${stepId}`,
    });
    await recordAfterDelivery(() =>
      appendLeadEvent(ports.dataSource, {
        leadId,
        stepId,
        type: 'notified',
        data: { channel: 'webhook', recipient: new URL(config.url).host, status },
      }),
    );
    return { status };
  };
