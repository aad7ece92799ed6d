import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { hashPassword, sha256 } from '@baton/api';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';

// An ops manager builds a flow in the browser, with no JSON: palette, form, problems, publish.
describe('the flow builder', () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  const password = 'e2e-password-0123';
  /** A moment (UTC wall time, as the test panel's input takes it) when the office is closed. */
  let afterHours = '';

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
    // Office hours open all day, every day but one three days from now: leads sent during the
    // test are in hours whenever it runs, and a lead on the closed day is after hours.
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const closed = new Date(Date.now() + 3 * 86_400_000);
    const weekly = Object.fromEntries(
      days.map((d, i) => [d, i === closed.getUTCDay() ? [] : [{ start: '00:00', end: '24:00' }]]),
    );
    await ds.query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('Office hours', 'UTC', $1)`,
      [JSON.stringify(weekly)],
    );
    afterHours = `${closed.toISOString().slice(0, 10)}T22:15`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates a flow from an empty canvas, configures it through forms and publishes it with a note', async () => {
    await signIn(page, `${stack.baseUrl}/flows`, 'ops@builder.example', password);

    // A new flow from the empty template.
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByLabel('Name').fill('Website leads, built in the browser');
    await dialog.getByLabel(/Empty canvas/).check();
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').pop() as string;
    await node('trigger').waitFor();

    // The main path by palette clicks: each new step goes after the selected one, on its first
    // free exit: trigger → qualify → condition → business hours → assign → notify → wait → end.
    await node('trigger').click();
    for (const [type, id] of [
      ['qualify', 'qualify'],
      ['condition', 'condition'],
      ['business_hours', 'business-hours'],
      ['assign', 'assign'],
      ['notify', 'notify'],
      ['wait_for_contact', 'wait-for-contact'],
      ['end', 'end'],
    ] as const) {
      await palette(type).click();
      await node(id).waitFor();
    }
    const fit = () => page.getByRole('button', { name: 'Fit view', exact: true }).click();
    // Every other exit ends somewhere: select the step, click End.
    for (const [from, id] of [
      ['condition', 'end-2'],
      ['business-hours', 'end-3'],
      ['notify', 'end-4'],
      ['wait-for-contact', 'end-5'],
    ] as const) {
      await fit();
      await page.waitForTimeout(350);
      await node(from).click();
      await palette('end').click();
      await node(id).waitFor();
    }

    // One more End dragged from the palette onto the canvas, wired from "nobody" by mouse.
    await fit();
    await page.waitForTimeout(350);
    const canvas = page.getByTestId('flow-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await palette('end').dragTo(canvas, {
      targetPosition: { x: box.width * 0.55, y: box.height * 0.92 },
    });
    await node('end-6').waitFor();
    await dragBetween(
      node('assign').locator('.react-flow__handle[data-handleid="nobody"]'),
      node('end-6').locator('.react-flow__handle.target'),
    );
    // An SVG group: attached is what "drawn" means for it.
    await page
      .locator('.react-flow__edge[data-id="assign.nobody->end-6"]')
      .waitFor({ state: 'attached' });

    // Copy and paste a step, then delete the copy with the keyboard.
    await fit();
    await page.waitForTimeout(350);
    await node('end-6').click();
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await node('end-7').waitFor();
    // The copy is selected; click it as a person would before pressing Delete (held like a
    // person holds a key: React Flow reads Delete from its key state).
    expect(await node('end-7').getAttribute('class')).toContain('flow-node-selected');
    await node('end-7').click();
    await page.keyboard.down('Delete');
    await page.waitForTimeout(100);
    await page.keyboard.up('Delete');
    await node('end-7').waitFor({ state: 'detached' });

    // The condition through the rule builder: quote requests go the fast way.
    await node('condition').click();
    const panel = page.getByTestId('node-config-panel');
    await panel.getByLabel('Field (clause 1 of rule 1)').selectOption('lead.message');
    await panel.getByLabel('Test (clause 1 of rule 1)').selectOption('contains');
    await panel.getByLabel('Value (clause 1 of rule 1)').fill('quote');
    await panel.getByLabel('Label', { exact: true }).fill('Asks for a quote');
    expect(await node('condition').textContent()).toContain('Asks for a quote');

    // Business hours need a schedule: a problem, pinned on the node and on the field, and
    // publishing waits for it.
    await fit();
    await page.waitForTimeout(350);
    await node('business-hours').click();
    await node('business-hours').getByTestId('flow-node-problems').waitFor();
    expect(await page.getByRole('button', { name: 'Publish…' }).isDisabled()).toBe(true);
    await panel.locator('#node-business-hours_scheduleId').selectOption({ label: 'Office hours' });
    await node('business-hours').getByTestId('flow-node-problems').waitFor({ state: 'detached' });

    // The assign step has no team yet: the same, then configured through its form.
    await fit();
    await page.waitForTimeout(350);
    await node('assign').click();
    await panel.getByRole('heading', { name: 'Assign' }).waitFor();
    await node('assign').getByTestId('flow-node-problems').waitFor();
    const fieldError = panel.locator('#node-assign_teamId__error');
    await fieldError.getByText('pick a team or list the people to choose from').waitFor();
    await panel.locator('#node-assign_strategy').selectOption({ label: 'Least loaded' });
    await panel.locator('#node-assign_teamId').selectOption({ label: 'Inside sales' });
    await panel.getByLabel('Name').fill('Least loaded rep');
    await node('assign').getByTestId('flow-node-problems').waitFor({ state: 'detached' });
    const face = node('assign').getByTestId('flow-node-face');
    expect(await face.textContent()).toContain('Least loaded');
    expect(await face.textContent()).toContain('Inside sales');

    // Notify: a template with a variable, previewed with a sample lead.
    await fit();
    await page.waitForTimeout(350);
    await node('notify').click();
    const body = panel.locator('#node-notify_body');
    await body.fill('Quote request from {{lead.name}}: call within 10 minutes');
    await panel.getByText(/Quote request from Maria/).waitFor();

    // Wait for contact: a 10-minute SLA.
    await fit();
    await page.waitForTimeout(350);
    await node('wait-for-contact').click();
    await panel.locator('#node-wait-for-contact_sla_minutes').fill('10');
    await node('wait-for-contact')
      .getByText(/SLA 10 min/)
      .waitFor();
    // The second reminder (at 10 minutes) would now come after the SLA ran out: a problem on
    // the step and on that field, until it is moved earlier.
    await node('wait-for-contact').getByTestId('flow-node-problems').waitFor();
    await panel.getByText(/comes after the 10-minute SLA/).waitFor();
    await panel.locator('#node-wait-for-contact_reminders_1').fill('8');
    await node('wait-for-contact').getByTestId('flow-node-problems').waitFor({ state: 'detached' });
    // Tidy: laid out by dagre, then the whole flow in view.
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.waitForTimeout(500);
    await saved();
    await page.screenshot({ path: artifactPath('flow-builder-panel.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Nothing left to fix: publish, with a note.
    await panel.getByRole('button', { name: "Close the step's settings" }).click();
    await page.getByRole('heading', { name: 'Ready to publish' }).waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 1' });
    await publish
      .getByLabel('What changed, and why?')
      .fill('First version: quotes fast in office hours, the rest to nurture');
    await page.screenshot({ path: artifactPath('flow-builder-publish.png') });
    await publish.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText('Published version 1. New leads use it now.').waitFor();
    await page.getByText('Published v1').waitFor();
    await fit();
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath('flow-builder-published.png') });

    const [version] = await stack.db.dataSource.query(
      `SELECT v.version, v.graph, v.note FROM flow_versions v WHERE v.flow_id = $1`,
      [flowId],
    );
    expect(version.version).toBe(1);
    expect(version.note).toBe('First version: quotes fast in office hours, the rest to nurture');
    const configOf = (id: string) =>
      version.graph.nodes.find((n: { id: string }) => n.id === id).data.config;
    expect(version.graph.nodes.find((n: { id: string }) => n.id === 'assign').label).toBe(
      'Least loaded rep',
    );
    expect(configOf('assign')).toMatchObject({ strategy: 'least_loaded' });
    expect(configOf('condition').rules[0]).toMatchObject({
      label: 'Asks for a quote',
      group: { clauses: [{ field: 'lead.message', op: 'contains', value: 'quote' }] },
    });
    expect(configOf('notify').body).toBe(
      'Quote request from {{lead.name}}: call within 10 minutes',
    );
    expect(configOf('wait-for-contact').sla.minutes).toBe(10);
    expect(version.graph.edges.map((e: { id: string }) => e.id).sort()).toEqual(
      [
        'assign.assigned->notify',
        'assign.nobody->end-6',
        'business-hours.closed->end-3',
        'business-hours.open->assign',
        'condition.else->end-2',
        'condition.rule-1->business-hours',
        'notify.failed->end-4',
        'notify.next->wait-for-contact',
        'qualify.next->condition',
        'trigger.next->qualify',
        'wait-for-contact.breached->end-5',
        'wait-for-contact.contacted->end',
      ].sort(),
    );
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

  it('tests the draft with a lead arriving after hours: the path lights up and each step says why', async () => {
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const panel = page.getByTestId('flow-test-panel');
    await panel.getByRole('heading', { name: 'What happens to this lead?' }).waitFor();
    await panel.getByLabel('Message').fill('Could you send me a quote for a new boiler?');
    await panel.getByLabel('At', { exact: true }).check();
    await panel.getByLabel('Arrival date and time (your local time)').fill(afterHours);
    await panel.getByRole('button', { name: 'Run the test' }).click();

    const result = panel.getByTestId('flow-test-result');
    await result.waitFor();
    const stepIds = () =>
      result
        .getByTestId('flow-test-step')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-node-id')));
    expect(await stepIds()).toEqual(['trigger', 'qualify', 'condition', 'business-hours', 'end-3']);
    // The typed lead was scored by the heuristic; the closed office sends it to its own end.
    expect(await result.textContent()).toContain('heuristic');
    const onPath = () =>
      page
        .locator('.react-flow__edge.flow-edge-on-path')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-id')).sort());
    expect(await onPath()).toEqual([
      'business-hours.closed->end-3',
      'condition.rule-1->business-hours',
      'qualify.next->condition',
      'trigger.next->qualify',
    ]);
    expect(await node('assign').getAttribute('class')).toContain('flow-node-off-path');
    await node('business-hours').getByTestId('flow-node-trace').waitFor();
    await page.screenshot({ path: artifactPath('flow-builder-test-after-hours.png') });

    // The same lead now, in hours: assigned, with who was considered.
    await panel.getByLabel('Now', { exact: true }).check();
    await panel.getByRole('button', { name: 'Run the test' }).click();
    await result.getByText(/owner Riley Rep/).waitFor();
    expect(await stepIds()).toEqual([
      'trigger',
      'qualify',
      'condition',
      'business-hours',
      'assign',
      'notify',
      'wait-for-contact',
      'end',
    ]);
    await result.locator('.flow-test-considered').getByText('Riley Rep', { exact: true }).waitFor();
    await page.screenshot({ path: artifactPath('flow-builder-test-panel.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
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

    // In the inbox, each is Riley's.
    await page.goto(`${stack.baseUrl}/leads`);
    for (const name of names) {
      const row = page.getByTestId('lead-row').filter({ hasText: name });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.textContent()).toContain('Riley Rep');
    }
    await page.goto(`${stack.baseUrl}/flows/${flowId}`);

    await page.getByRole('button', { name: 'Live numbers' }).click();
    await page.getByText(`Version 1: ${names.length} leads so far`).waitFor();
    expect(await node('assign').getByTestId('flow-node-stat-leads').textContent()).toBe(
      String(names.length),
    );
    expect(await node('end-2').getByTestId('flow-node-stat-leads').textContent()).toBe('0');
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath('flow-builder-overlay.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The draft against the live version over those real leads: nothing changed, none move.
    await page.getByRole('button', { name: 'Compare with published' }).click();
    const compare = page.getByTestId('flow-backtest-panel');
    await compare.getByRole('button', { name: 'Compare' }).click();
    await compare
      .getByRole('status')
      .filter({ hasText: `All ${names.length} leads would route the same way.` })
      .waitFor();
  });

  it('views version 1 read-only and restores it as the draft after an edit', async () => {
    // Close whatever side panel is open, then change a step's name.
    await page.getByRole('button', { name: 'Compare with published' }).click();
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(350);
    await node('end-2').click();
    await page.getByTestId('node-config-panel').getByLabel('Name').fill('Nurture later');
    await saved();
    expect(await node('end-2').textContent()).toContain('Nurture later');

    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Version history' });
    await history
      .getByText('First version: quotes fast in office hours, the rest to nurture')
      .waitFor();
    await page.screenshot({ path: artifactPath('flow-builder-history.png') });
    await history.getByRole('button', { name: 'View version 1' }).click();
    await page.getByText('Viewing version 1 (read-only)').waitFor();
    await page.getByRole('button', { name: 'Back to draft' }).click();

    await page.getByRole('button', { name: 'History' }).click();
    await history.getByRole('button', { name: 'Restore as draft (version 1)' }).click();
    await page.getByRole('button', { name: 'Replace the draft' }).click();
    await page.getByText('Version 1 is the draft now.', { exact: false }).waitFor();
    await saved();
    expect(await node('end-2').textContent()).not.toContain('Nurture later');
    const flowId = page.url().split('/').pop() as string;
    const [row] = await stack.db.dataSource.query(
      `SELECT f.draft_graph = v.graph AS same FROM flows f JOIN flow_versions v ON v.flow_id = f.id AND v.version = 1 WHERE f.id = $1`,
      [flowId],
    );
    expect(row.same).toBe(true);
  });
});
