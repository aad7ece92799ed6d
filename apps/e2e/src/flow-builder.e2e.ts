import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { hashPassword, sha256 } from '@baton/api';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';

// An ops manager builds a flow in the browser, with no JSON: palette, form, problems, publish.
describe('the flow builder', () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  const password = 'e2e-password-0123';

  const node = (id: string): Locator =>
    page.locator(`[data-testid="flow-node"][data-node-id="${id}"]`);
  const palette = (type: string): Locator =>
    page.locator(`[data-testid="palette-entry"][data-node-type="${type}"]`);
  const saved = () =>
    page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 10_000 });

  /** Drags from one element's centre to another's with the mouse, as React Flow connects. */
  async function dragBetween(from: Locator, to: Locator): Promise<void> {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('an element to drag between is not on screen');
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await page.mouse.up();
  }

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('builder');
    const ds = stack.db.dataSource;
    const hash = await hashPassword(password);
    const [manager] = await ds.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('ops@builder.example', 'Olive Ops', 'manager', $1) RETURNING id`,
      [hash],
    );
    const [rep] = await ds.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('rep@builder.example', 'Riley Rep', 'rep', $1) RETURNING id`,
      [hash],
    );
    const [team] = await ds.query(
      `INSERT INTO teams (name, manager_id) VALUES ('Inside sales', $1) RETURNING id`,
      [manager.id],
    );
    await ds.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [
      team.id,
      rep.id,
    ]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates a flow from an empty canvas, configures it through forms and publishes it with a note', async () => {
    await page.goto(`${stack.baseUrl}/flows`);
    await page.getByLabel('Email').fill('ops@builder.example');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // A new flow from the empty template.
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByLabel('Name').fill('Website leads, built in the browser');
    await dialog.getByLabel(/Empty canvas/).check();
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').pop() as string;
    await node('trigger').waitFor();

    // Trigger → qualify → assign → end by palette clicks: each goes after the selected step.
    await node('trigger').click();
    await palette('qualify').click();
    await node('qualify').waitFor();
    await palette('assign').click();
    await node('assign').waitFor();
    await palette('end').click();
    await node('end').waitFor();

    // A second End, dragged from the palette onto the canvas, then wired from "nobody".
    const canvas = page.getByTestId('flow-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await palette('end').dragTo(canvas, {
      targetPosition: { x: box.width * 0.5, y: box.height * 0.72 },
    });
    await node('end-2').waitFor();
    await dragBetween(
      node('assign').locator('.react-flow__handle[data-handleid="nobody"]'),
      node('end-2').locator('.react-flow__handle.target'),
    );
    // An SVG group: attached is what "drawn" means for it.
    await page
      .locator('.react-flow__edge[data-id="assign.nobody->end-2"]')
      .waitFor({ state: 'attached' });

    // The assign step has no team yet: a problem, pinned on the node and on the form field,
    // and publishing waits for it.
    await node('assign').click();
    const panel = page.getByTestId('node-config-panel');
    await panel.getByRole('heading', { name: 'Assign' }).waitFor();
    await node('assign').getByTestId('flow-node-problems').waitFor();
    const fieldError = panel.locator('#node-assign_teamId__error');
    await fieldError.getByText('pick a team or list the people to choose from').waitFor();
    expect(await page.getByRole('button', { name: 'Publish…' }).isDisabled()).toBe(true);

    // Configured through its form: strategy and team; the face shows both, the problem clears.
    await panel.locator('#node-assign_strategy').selectOption({ label: 'Least loaded' });
    await panel.locator('#node-assign_teamId').selectOption({ label: 'Inside sales' });
    await panel.getByLabel('Name').fill('Least loaded rep');
    await node('assign').getByTestId('flow-node-problems').waitFor({ state: 'detached' });
    const face = node('assign').getByTestId('flow-node-face');
    expect(await face.textContent()).toContain('Least loaded');
    expect(await face.textContent()).toContain('Inside sales');
    await saved();
    await page.screenshot({ path: artifactPath('flow-builder-panel.png') });

    // Nothing left to fix: publish, with a note.
    await panel.getByRole('button', { name: "Close the step's settings" }).click();
    await page.getByRole('heading', { name: 'Ready to publish' }).waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 1' });
    await publish
      .getByLabel('What changed, and why?')
      .fill('First version: qualify, then least loaded');
    await page.screenshot({ path: artifactPath('flow-builder-publish.png') });
    await publish.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText('Published version 1. New leads use it now.').waitFor();
    await page.getByText('Published v1').waitFor();
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath('flow-builder-published.png') });

    const [version] = await stack.db.dataSource.query(
      `SELECT v.version, v.graph FROM flow_versions v WHERE v.flow_id = $1`,
      [flowId],
    );
    expect(version.version).toBe(1);
    const assign = version.graph.nodes.find((n: { id: string }) => n.id === 'assign');
    expect(assign.label).toBe('Least loaded rep');
    expect(assign.data.config).toMatchObject({ strategy: 'least_loaded' });
    expect(version.graph.edges.map((e: { id: string }) => e.id).sort()).toEqual([
      'assign.assigned->end',
      'assign.nobody->end-2',
      'qualify.next->assign',
      'trigger.next->qualify',
    ]);
    const [audit] = await stack.db.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'flow.publish' AND entity_id = $1`,
      [flowId],
    );
    expect(audit.after.note).toBe('First version: qualify, then least loaded');
  });

  it('tells an editor whose draft someone else saved first, and reloads theirs', async () => {
    const flowId = page.url().split('/').pop() as string;
    // Someone else renames the flow behind this editor's back.
    await stack.db.dataSource.query(
      `UPDATE flows SET name = 'Renamed elsewhere', updated_at = clock_timestamp() WHERE id = $1`,
      [flowId],
    );
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await node('qualify').click();
    await page.getByTestId('node-config-panel').getByLabel('Name').fill('Score it');

    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this flow' });
    await alert.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: artifactPath('flow-builder-conflict.png') });
    await alert.getByRole('button', { name: 'Reload the draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renamed elsewhere' }).waitFor();
    expect(await node('qualify').textContent()).not.toContain('Score it');
  });

  it('tests the draft with a lead arriving at night: the path lights up and each step says why', async () => {
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const panel = page.getByTestId('flow-test-panel');
    await panel.getByRole('heading', { name: 'What happens to this lead?' }).waitFor();
    await panel.getByLabel('At', { exact: true }).check();
    await panel.getByLabel('Arrival date and time (your local time)').fill('2026-03-04T22:15');
    await panel.getByRole('button', { name: 'Run the test' }).click();

    const result = panel.getByTestId('flow-test-result');
    await result.waitFor();
    const steps = result.getByTestId('flow-test-step');
    expect(
      await steps.evaluateAll((els) => els.map((el) => el.getAttribute('data-node-id'))),
    ).toEqual(['trigger', 'qualify', 'assign', 'end']);
    // The typed lead was scored by the heuristic, and the assign step says whom it considered.
    expect(await result.textContent()).toContain('heuristic');
    await result.locator('.flow-test-considered').getByText('Riley Rep', { exact: true }).waitFor();
    // On the canvas: numbered steps on the path, the unused end faded.
    await node('assign').getByTestId('flow-node-trace').waitFor();
    expect(await node('end-2').getAttribute('class')).toContain('flow-node-off-path');
    expect(
      await page
        .locator('.react-flow__edge.flow-edge-on-path')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-id')).sort()),
    ).toEqual(['assign.assigned->end', 'qualify.next->assign', 'trigger.next->qualify']);
    await page.screenshot({ path: artifactPath('flow-builder-test-panel.png') });
    await panel.getByRole('button', { name: 'Close the test panel' }).click();
  });

  it('shows live numbers per step once real leads have gone through the published version', async () => {
    const flowId = page.url().split('/').pop() as string;
    const ds = stack.db.dataSource;
    const apiKey = 'bat_builder_0123456789abcdef';
    await ds.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix, flow_id) VALUES ('builder-site', 'Builder site', $1, 'bat_buil', $2)`,
      [sha256(apiKey), flowId],
    );
    const names = ['Ana Dental', 'Ben Plumbing', 'Cleo Legal'];
    for (const name of names) {
      const res = await fetch(`${stack.baseUrl}/api/v1/leads`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({
          contact: { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com` },
          message: 'Please call me back today about a quote.',
        }),
      });
      expect(res.status).toBe(202);
    }
    // Each is assigned to the team's one rep by the published version.
    const deadline = Date.now() + 60_000;
    let assigned = 0;
    while (Date.now() < deadline) {
      const [row] = await ds.query(
        `SELECT count(*)::int AS n FROM leads l JOIN users u ON u.id = l.owner_id
          WHERE l.source_id = (SELECT id FROM sources WHERE slug = 'builder-site') AND u.name = 'Riley Rep'`,
      );
      assigned = row.n;
      if (assigned === names.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(assigned).toBe(names.length);

    await page.reload();
    await page.getByRole('button', { name: 'Live numbers' }).click();
    await page.getByText(`Version 1: ${names.length} leads so far`).waitFor();
    expect(await node('assign').getByTestId('flow-node-stat-leads').textContent()).toBe(
      String(names.length),
    );
    expect(await node('end-2').getByTestId('flow-node-stat-leads').textContent()).toBe('0');
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath('flow-builder-overlay.png') });

    // The draft against the live version over those real leads: nothing changed, none move.
    await page.getByRole('button', { name: 'Compare with published' }).click();
    const compare = page.getByTestId('flow-backtest-panel');
    await compare.getByRole('button', { name: 'Compare' }).click();
    await compare
      .getByRole('status')
      .filter({ hasText: `All ${names.length} leads would route the same way.` })
      .waitFor();
  });
});
