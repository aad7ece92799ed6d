import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { hashPassword } from '@baton/api';
import type { FlowGraph } from '@baton/flow';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';
import { publishFlowWithSource } from './support/published-flow';

// A rep claims an unrouted lead in the browser: the timeline says who acknowledged it and how soon,
// the flow's wait (endOn: claim) moves on, and the dashboard counts the time to acknowledge.
describe('a claim is an acknowledgement, from the lead page to the dashboard', () => {
  let stack: RunningStack;
  let browser: Browser;
  const apiKey = 'bat_e2e-claim-ack-key-0123456789abcdef';
  const password = 'e2e-password-0123';

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('claim-ack');
    await stack.db.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('sam@e2e.example', 'Sam Rep', 'rep', $1)`,
      [await hashPassword(password)],
    );
    // Nobody is assigned: the lead waits until someone claims it.
    const node = (id: string, type: string, x: number, config: Record<string, unknown>) => ({
      id,
      type,
      position: { x, y: 0 },
      data: { config },
    });
    const graph: FlowGraph = {
      nodes: [
        node('trigger', 'trigger', 0, { sources: [], forms: [] }),
        node('wait', 'wait_for_contact', 280, {
          sla: { minutes: 30, mode: 'wall' },
          reminders: [],
          endOn: 'claim',
        }),
        node('taken', 'end', 560, { outcome: 'other' }),
        node('late', 'end', 560, { outcome: 'unhandled' }),
      ],
      edges: [
        { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'wait' },
        { id: 'e2', source: 'wait', sourceHandle: 'contacted', target: 'taken' },
        { id: 'e3', source: 'wait', sourceHandle: 'breached', target: 'late' },
      ],
    };
    await publishFlowWithSource(stack.db.dataSource, graph, { slug: 'site', apiKey });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('claims the lead, shows "Acknowledged by Sam Rep", and the time to acknowledge tile', async () => {
    const res = await fetch(`${stack.baseUrl}/api/v1/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        contact: { name: 'Dana Patel', email: 'dana@example.com' },
        message: 'Chipped tooth, can someone call today?',
      }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, stack.baseUrl, 'sam@e2e.example', password);
    await page.getByRole('link', { name: 'Inbox' }).first().waitFor({ timeout: 15_000 });
    await page.goto(`${stack.baseUrl}/leads/${id}`);
    const actions = page.getByRole('region', { name: 'Lead actions' });
    await actions.getByRole('button', { name: 'Claim' }).click({ timeout: 15_000 });
    await actions.getByText('You own this lead now.').waitFor({ timeout: 15_000 });

    const row = page.locator('[data-event-type="acknowledged"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('.timeline-summary').textContent()).toMatch(
      /^Acknowledged by Sam Rep · \d+ s after it arrived$/,
    );
    // Acknowledged, not contacted: the owner can still mark contact; there is nothing to acknowledge.
    await actions.getByRole('button', { name: 'Mark contacted' }).waitFor();
    expect(await actions.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({
      path: artifactPath('claim-acknowledged-timeline.png'),
      fullPage: true,
    });

    // The flow's wait ended on the claim and took its success handle.
    const [lead]: { acknowledged_at: Date | null; first_contact_at: Date | null }[] =
      await stack.db.dataSource.query(
        `SELECT acknowledged_at, first_contact_at FROM leads WHERE id = $1`,
        [id],
      );
    expect(lead?.acknowledged_at).toBeInstanceOf(Date);
    expect(lead?.first_contact_at).toBeNull();
    const ended: unknown[] = await stack.db.dataSource.query(
      `SELECT 1 FROM lead_events WHERE lead_id = $1 AND type = 'routed' AND step_id = 'taken#1'`,
      [id],
    );
    expect(ended).toHaveLength(1);

    await page.goto(`${stack.baseUrl}/dashboard`);
    const tiles = page.getByLabel('Key figures');
    await tiles.waitFor({ timeout: 15_000 });
    const tile = tiles.locator('.kpi-tile').filter({ hasText: 'Acknowledged in' });
    expect(await tile.locator('.kpi-detail').textContent()).toMatch(/^median of 1 · p90 \d+s$/);
    expect(await tile.locator('.kpi-value').textContent()).toMatch(/^\d+s$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('claim-dashboard-time-to-acknowledge.png') });
    await page.close();
  });
});
