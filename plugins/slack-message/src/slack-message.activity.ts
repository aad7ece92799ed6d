import { defineActivity, type ActivityLead } from '@baton/activity-sdk';
import { z } from 'zod';
import { escapeSlackMrkdwn, escapeSlackText } from './slack-escape';

const placeholders = {
  name: (lead: ActivityLead) => lead.name ?? 'Unnamed lead',
  email: (lead: ActivityLead) => lead.email ?? '',
  phone: (lead: ActivityLead) => lead.phone ?? '',
  company: (lead: ActivityLead) => lead.company ?? '',
  source: (lead: ActivityLead) => lead.source.name,
} as const;

/** `{{name}}`, `{{source}}`, ...: the lead's values, as plain text (escaped by the caller). */
const fillTemplate = (template: string, lead: ActivityLead) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in placeholders ? placeholders[key as keyof typeof placeholders](lead) : whole,
  );

// Slack caps a header at 150 characters and a section's text at 3000.
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

const field = (label: string, value: string | null) => ({
  type: 'mrkdwn',
  text: `*${label}*\n${value ? escapeSlackMrkdwn(value) : '–'}`,
});

export function slackBlocks(lead: ActivityLead, headline: string, batonUrl: string | undefined) {
  const blocks: Record<string, unknown>[] = [
    // plain_text is not parsed for links or mentions; Slack still wants &, <, > escaped.
    { type: 'header', text: { type: 'plain_text', text: clip(escapeSlackText(headline), 150) } },
    {
      type: 'section',
      fields: [
        field('Name', lead.name),
        field('Email', lead.email),
        field('Phone', lead.phone),
        field('Source', lead.source.name),
      ],
    },
  ];
  if (lead.message) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(escapeSlackMrkdwn(lead.message), 3000) },
    });
  }
  if (batonUrl) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open in Baton' },
          url: `${batonUrl.replace(/\/+$/, '')}/leads/${encodeURIComponent(lead.id)}`,
        },
      ],
    });
  }
  return blocks;
}

const permanentRejection = (error: unknown): number | undefined => {
  const { status, retryable } = error as { status?: unknown; retryable?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && retryable === false
    ? status
    : undefined;
};

export const slackMessage = defineActivity({
  name: 'slack.message',
  version: '1.0.0',
  title: 'Post to Slack',
  description: 'Posts the lead to a Slack channel through an incoming webhook.',
  category: 'messaging',
  input: z.object({
    webhookSecretRef: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/i)
      .describe('Secret holding the webhook URL: `slack-sales` reads BATON_SECRET_SLACK_SALES'),
    text: z
      .string()
      .max(500)
      .default('New lead: {{name}}')
      .describe('Headline; {{name}}, {{email}}, {{phone}}, {{company}}, {{source}} are filled in'),
    batonUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('Baton’s public address, for an "Open in Baton" button'),
  }),
  output: z.object({ status: z.number().int(), reason: z.string().optional() }),
  async run(input, context) {
    // The webhook URL is itself the credential, so it lives in a secret, not in the flow.
    const url = context.secrets.require(input.webhookSecretRef);
    const headline = fillTemplate(input.text, context.lead);
    try {
      const response = await context.http.send({
        url,
        method: 'POST',
        body: {
          // Shown in notifications and where blocks cannot be drawn.
          text: escapeSlackText(headline),
          blocks: slackBlocks(context.lead, headline, input.batonUrl),
        },
      });
      return { status: response.status };
    } catch (error) {
      const status = permanentRejection(error);
      if (status === undefined) throw error;
      const reason = (error as Error).message;
      context.logger.warn('slack refused the message', { status, reason });
      return { handle: 'failed', output: { status, reason } };
    }
  },
});
