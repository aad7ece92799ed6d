import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { hashPassword, sha256 } from '@baton/api';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';

describe('a lead sent through the API appears in the browser with its timeline', () => {
  let stack: RunningStack;
  let browser: Browser;
  const apiKey = 'bat_e2e-test-key-0123456789abcdef';
  const password = 'e2e-password-0123';

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('e2e');
    const ds = stack.db.dataSource;
    await ds.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('ops@e2e.example', 'Olive Ops', 'manager', $1)`,
      [await hashPassword(password)],
    );
    await ds.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('site', 'Website', $1, 'bat_e2e')`,
      [sha256(apiKey)],
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('signs in, sees the new lead in the inbox and the received event on its page', async () => {
    const res = await fetch(`${stack.baseUrl}/api/v1/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        contact: { name: 'Katherine Johnson', email: 'katherine@example.com', company: 'NASA' },
        message: '<b>Orbit</b> maths, please call',
      }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };

    const page = await browser.newPage();
    await signIn(page, stack.baseUrl, 'ops@e2e.example', password);

    const row = page.getByTestId('lead-row').filter({ hasText: 'Katherine Johnson' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('link').first().click();

    await page.waitForURL(`**/leads/${id}`);
    await page
      .locator('[data-testid="timeline-event"][data-event-type="received"]')
      .waitFor({ timeout: 15_000 });
    // Lead text is shown as text, never interpreted as HTML.
    await page.getByText('<b>Orbit</b> maths, please call').waitFor();
    await page.close();
  });
});
