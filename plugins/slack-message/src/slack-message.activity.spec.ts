import {
  createTestContext,
  startTestReceiver,
  type TestReceiver,
} from '@baton/activity-sdk/testing';
import { slackMessage } from './slack-message.activity';

let receiver: TestReceiver;
beforeEach(async () => {
  receiver = await startTestReceiver();
});
afterEach(() => receiver.close());

const leadId = '0190a6c4-7d1e-7000-8000-00000000face';
const context = (lead: Parameters<typeof createTestContext>[0] = {}) =>
  createTestContext({
    lead: { id: leadId, ...lead?.lead },
    secrets: { 'slack-sales': `${receiver.url}/services/T000/B000/XXXX` },
    idempotencyKey: 'run-1:step-slack',
  });

describe('slack.message', () => {
  it('posts Block Kit with a header, the lead fields and a button to the lead', async () => {
    const input = slackMessage.input.parse({
      webhookSecretRef: 'slack-sales',
      text: 'Hot lead from {{source}}: {{name}}',
      batonUrl: 'https://baton.example.com/',
    });

    const result = await slackMessage.run(input, context());

    expect(result).toEqual({ handle: 'ok', output: { status: 200 } });
    const [request] = receiver.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/services/T000/B000/XXXX');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-baton-idempotency-key']).toBe('run-1:step-slack');
    expect(request?.body).toEqual({
      text: 'Hot lead from Website form: Ada Lovelace',
      blocks: [
        {
          type: 'header',
          text: { type: 'plain_text', text: 'Hot lead from Website form: Ada Lovelace' },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Name*\nAda Lovelace' },
            { type: 'mrkdwn', text: '*Email*\nada@example.com' },
            { type: 'mrkdwn', text: '*Phone*\n+44 20 7946 0000' },
            { type: 'mrkdwn', text: '*Source*\nWebsite form' },
          ],
        },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'We would like a quote for 40 seats.' },
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Open in Baton' },
              url: `https://baton.example.com/leads/${leadId}`,
            },
          ],
        },
      ],
    });
  });

  it('escapes the lead’s text so it cannot mention @channel or forge links', async () => {
    const input = slackMessage.input.parse({ webhookSecretRef: 'slack-sales' });
    await slackMessage.run(
      input,
      context({
        lead: {
          name: 'Eve <!channel> & co',
          message: 'Click <https://evil.test|your invoice> *now*',
        },
      }),
    );

    const raw = receiver.received[0]?.rawBody ?? '';
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('<https://evil.test');
    const body = receiver.received[0]?.body as { text: string; blocks: unknown[] };
    expect(body.text).toBe('New lead: Eve &lt;!channel&gt; &amp; co');
    expect(body.blocks[2]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Click &lt;https://evil.test|your invoice&gt; \u200b*\u200bnow\u200b*\u200b',
      },
    });
    // No base URL given: no button.
    expect(body.blocks).toHaveLength(3);
  });

  it('leaves by failed when Slack refuses the webhook (4xx), and throws on 5xx for a retry', async () => {
    const input = slackMessage.input.parse({ webhookSecretRef: 'slack-sales' });
    receiver.respondWith(404, 'no_service');
    const result = await slackMessage.run(input, context());
    expect(result.handle).toBe('failed');
    expect(result.output.status).toBe(404);
    expect(result.output.reason).toMatch(/404/);

    receiver.respondWith(500, 'oops');
    await expect(slackMessage.run(input, context())).rejects.toMatchObject({ retryable: true });
  });

  it('fails for good, naming the variable, when the webhook secret is not set', async () => {
    const input = slackMessage.input.parse({ webhookSecretRef: 'slack-support' });
    await expect(slackMessage.run(input, context())).rejects.toThrow(/BATON_SECRET_SLACK_SUPPORT/);
    expect(receiver.received).toHaveLength(0);
  });
});
