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

// The engine writes an alert; the manager sees it in the bell without reloading and acknowledges it.
describe('a manager’s bell: an alert the engine writes is seen and acknowledged', () => {
  let stack: RunningStack;
  let browser: Browser;
  const apiKey = 'bat_e2e-alerts-key-0123456789abcdef';
  const password = 'e2e-password-0123';

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('alerts');
    const ds = stack.db.dataSource;
    await ds.query(
      `INSERT INTO users (email, name, role, password_hash)
       VALUES ('morgan@e2e.example', 'Morgan Manager', 'manager', $1)`,
      [await hashPassword(password)],
    );
    // A flow that gives every lead up at once: the engine alerts the managers that it is unhandled.
    const graph: FlowGraph = {
      nodes: [
        {
          id: 'trigger',
          type: 'trigger',
          position: { x: 0, y: 0 },
          data: { config: { sources: [], forms: [] } },
          label: 'Any source',
        },
        {
          id: 'give-up',
          type: 'end',
          position: { x: 280, y: 0 },
          data: { config: { outcome: 'unhandled' } },
          label: 'Nobody takes it',
        },
      ],
      edges: [
        { id: 'trigger.next->give-up', source: 'trigger', sourceHandle: 'next', target: 'give-up' },
      ],
    };
    await publishFlowWithSource(ds, graph, { slug: 'site', apiKey });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('rings within seconds of the lead, lists the alert with its lead, and clears on acknowledge', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, stack.baseUrl, 'morgan@e2e.example', password);
    const quiet = page.getByRole('button', { name: 'Alerts, none unread' });
    await quiet.waitFor({ timeout: 15_000 });
    // The live stream is open before the lead arrives, so the bell must change without a reload.
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });

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

    const ringing = page.getByRole('button', { name: 'Alerts, 1 unread' });
    await ringing.waitFor({ timeout: 20_000 });
    await ringing.click();
    const panel = page.getByRole('region', { name: 'Alerts' });
    const item = panel.getByRole('listitem').filter({ hasText: 'Dana Patel is unhandled' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Unhandled');
    expect(await item.getByRole('link', { name: 'Open Dana Patel' }).getAttribute('href')).toBe(
      `/leads/${id}`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('alert-bell-open.png') });

    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('button', { name: 'Alerts, none unread' }).waitFor({ timeout: 10_000 });
    await panel.getByText('You are all caught up.').waitFor();
    // Acknowledged alerts stay readable under "All".
    await panel.getByRole('button', { name: 'All', exact: true }).click();
    await panel.getByText('Acknowledged', { exact: true }).waitFor();

    const [row]: { acknowledged_at: Date | null }[] = await stack.db.dataSource.query(
      `SELECT acknowledged_at FROM notifications WHERE lead_id = $1`,
      [id],
    );
    expect(row?.acknowledged_at).toBeInstanceOf(Date);
    await page.close();
  });
});
