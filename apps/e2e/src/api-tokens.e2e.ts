import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { hashPassword } from '@baton/api';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';

// IT creates a personal API token in the browser, a script uses it over HTTP, and revoking it in
// the page locks the script out at once.
describe('a personal API token made in the browser works from a script until revoked', () => {
  let stack: RunningStack;
  let browser: Browser;
  const password = 'e2e-password-0123';

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('api-tokens');
    await stack.db.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('ada@e2e.example', 'Ada Admin', 'admin', $1)`,
      [await hashPassword(password)],
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates a token, calls the API with it, revokes it, and the next call is 401', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, stack.baseUrl, 'ada@e2e.example', password);
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByText('No API tokens yet').waitFor();
    await page.screenshot({ path: artifactPath('api-tokens-empty.png') });
    expect(await page.locator('.api-tokens-empty pre').textContent()).toContain(
      `curl ${stack.baseUrl}/api/v1/auth/me`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Name').fill('Nightly CRM export');
    await page.getByLabel('Expires after').selectOption({ label: '30 days' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create token' }).click();

    const secret = (await page.getByTestId('api-token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^baton_pat_/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('api-tokens-shown-once.png') });

    // The script: plain HTTP with the token, no cookie, no CSRF token.
    const asScript = (path: string, init: RequestInit = {}) =>
      fetch(`${stack.baseUrl}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      });
    const me = await asScript('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'ada@e2e.example', role: 'admin' });
    expect((await asScript('/api/v1/sources')).status).toBe(200);

    await page.getByRole('button', { name: 'I have stored the token' }).click();
    await page.reload();
    const mine = page
      .getByRole('region', { name: 'Your tokens' })
      .getByTestId('api-token-row')
      .filter({ hasText: 'Nightly CRM export' });
    await mine.waitFor();
    // Used a moment ago by the script: no longer "Never" in the Last used column.
    expect(await mine.locator('td').nth(1).textContent()).not.toBe('Never');
    const everyone = page.getByRole('region', { name: 'All tokens' });
    expect(await everyone.getByTestId('api-token-row').textContent()).toContain('Ada Admin');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('api-tokens.png'), fullPage: true });

    page.once('dialog', (dialog) => void dialog.accept());
    await mine.getByRole('button', { name: 'Revoke Nightly CRM export', exact: true }).click();
    await mine.getByText('Revoked').waitFor();

    const after = await asScript('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { message: string }).message).toBe(
      'This API token was revoked; create a new one',
    );
    await page.close();
  });
});
