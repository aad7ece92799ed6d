import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { hashPassword } from '@baton/api';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';
import { openSettingsPage } from './support/settings-page';

// An admin sets the deal value the dashboard's revenue leak uses, finds the change in the audit
// log, and checks what the install runs on.
describe('an admin changes a setting, audits it, and checks the status', () => {
  let stack: RunningStack;
  let browser: Browser;
  const password = 'e2e-password-0123';

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('settings-status');
    await stack.db.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('dana@e2e.example', 'Dana Admin', 'admin', $1)`,
      [await hashPassword(password)],
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('keeps the new deal value, shows who changed it, and reports each part of the install', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, stack.baseUrl, 'dana@e2e.example', password);
    await openSettingsPage(page, 'General');
    const deal = page.getByLabel('Average deal value');
    expect(await deal.inputValue()).toBe('0');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await deal.fill('2500');
    await page.getByText(/shown there as 2,500/).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();

    await page.reload();
    await page.getByLabel('Average deal value').waitFor();
    expect(await page.getByLabel('Average deal value').inputValue()).toBe('2500');
    await page.screenshot({ path: artifactPath('settings-general.png'), fullPage: true });

    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    const change = page.getByText('Dana Admin changed the average deal value from 0 to 2500');
    await change.waitFor();
    await page.getByLabel('What').selectOption('setting');
    await change.waitFor();
    await page.getByText('Show the change').click();
    await page.getByRole('cell', { name: '2500' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('audit-log.png'), fullPage: true });

    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Status' })
      .click();
    const model = page.getByRole('article', { name: 'Qualification model' });
    await model.getByText('Not configured').waitFor();
    await page.getByRole('article', { name: 'Temporal' }).getByText('OK').waitFor();
    // The stack's API sends mail (invitations) through the test's SMTP server.
    const mail = page.getByRole('article', { name: 'Email (SMTP)' });
    await mail.getByText('OK').waitFor();
    expect(await mail.textContent()).toMatch(/Mail goes out through 127\.0\.0\.1:\d+/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('status-page.png'), fullPage: true });
    await page.close();
  });
});
