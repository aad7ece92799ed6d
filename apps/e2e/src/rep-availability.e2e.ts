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

// A rep marks themself away in the app bar; round robin gives the next leads to a teammate.
describe('a rep sets themself away and the next lead skips them', () => {
  let stack: RunningStack;
  let browser: Browser;
  const apiKey = 'bat_e2e-away-key-0123456789abcdef';
  const password = 'e2e-password-0123';
  const ids: Record<'riley' | 'sam', string> = { riley: '', sam: '' };

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('away');
    const ds = stack.db.dataSource;
    const hash = await hashPassword(password);
    const person = async (email: string, name: string, role: string) => {
      const [row]: { id: string }[] = await ds.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
        [email, name, role, hash],
      );
      if (!row) throw new Error(`${name} was not stored`);
      return row.id;
    };
    const manager = await person('maya@e2e.example', 'Maya Manager', 'manager');
    ids.riley = await person('riley@e2e.example', 'Riley Rep', 'rep');
    ids.sam = await person('sam@e2e.example', 'Sam Rep', 'rep');
    const [team]: { id: string }[] = await ds.query(
      `INSERT INTO teams (name, manager_id) VALUES ('Front desk', $1) RETURNING id`,
      [manager],
    );
    if (!team) throw new Error('the team was not stored');
    await ds.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2), ($1, $3)`, [
      team.id,
      ids.riley,
      ids.sam,
    ]);
    const node = (id: string, type: string, x: number, config: Record<string, unknown>) => ({
      id,
      type,
      position: { x, y: 0 },
      data: { config },
      label: id,
    });
    const graph: FlowGraph = {
      nodes: [
        node('trigger', 'trigger', 0, { sources: [], forms: [] }),
        node('assign', 'assign', 280, { strategy: 'round_robin', teamId: team.id }),
        node('owned', 'end', 560, { outcome: 'other' }),
        node('nobody', 'end', 560, { outcome: 'unhandled' }),
      ],
      edges: [
        { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'assign' },
        { id: 'e2', source: 'assign', sourceHandle: 'assigned', target: 'owned' },
        { id: 'e3', source: 'assign', sourceHandle: 'nobody', target: 'nobody' },
      ],
    };
    await publishFlowWithSource(ds, graph, { slug: 'site', apiKey });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Sends a lead and waits for the flow to give it an owner. */
  const ownerOfNextLead = async (name: string): Promise<string> => {
    const res = await fetch(`${stack.baseUrl}/api/v1/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ contact: { name, phone: '+44 20 7946 0000' } }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row]: { owner_id: string | null }[] = await stack.db.dataSource.query(
        `SELECT owner_id FROM leads WHERE id = $1`,
        [id],
      );
      if (row?.owner_id) return row.owner_id;
      if (Date.now() > deadline) throw new Error(`${name} was never assigned`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('away in the app bar: the next two leads go to the teammate, then back in the rotation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, stack.baseUrl, 'riley@e2e.example', password);

    await page.getByRole('button', { name: 'My availability: Available' }).click();
    await page.getByRole('radio', { name: /Away/ }).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('rep-availability-menu.png') });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'My availability: Away' }).waitFor();

    expect(await ownerOfNextLead('First while away')).toBe(ids.sam);
    expect(await ownerOfNextLead('Second while away')).toBe(ids.sam);

    await page.getByRole('button', { name: 'My availability: Away' }).click();
    await page.getByRole('radio', { name: /Available/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'My availability: Available' }).waitFor();
    // Round robin picks whoever waited longest: Riley, who took none of the last two.
    expect(await ownerOfNextLead('Back from away')).toBe(ids.riley);
    await page.close();
  });
});
