import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_ADMIN_EMAIL, seedDemo } from '@baton/api';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';

// The first start of the demo: the dashboard is full of the seed's sample history, says so, and
// the admin removes it from there.
describe('the demo dashboard with sample data', () => {
  let stack: RunningStack;
  let browser: Browser;
  const credentials = { password: 'demo-e2e-password-1', apiKey: 'bat_demo-e2e-key-0123456789' };

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('dashboard-sample');
    await seedDemo(stack.db.dataSource, credentials);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows figures from the sample leads, marks them as sample data, and removes them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, stack.baseUrl, DEMO_ADMIN_EMAIL, credentials.password);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const banner = page.getByRole('region', { name: 'You are looking at sample data' });
    await banner.waitFor();
    await page.getByRole('table', { name: 'Conversion by response time' }).waitFor();
    await page.getByRole('heading', { name: /^By / }).waitFor();
    expect(await page.getByText(/No leads in the last/).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('dashboard-sample-data.png'), fullPage: true });

    await banner.getByRole('button', { name: 'Remove sample data' }).click();
    await banner.getByRole('button', { name: 'Yes, remove them' }).click();
    await page
      .getByRole('status')
      .getByText(/Sample data removed/)
      .waitFor();
    await page.getByText('No leads in the last 30 days').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [left]: { n: number }[] = await stack.db.dataSource.query(
      `SELECT count(*)::int AS n FROM leads`,
    );
    expect(left?.n).toBe(0);
    await page.close();
  });
});
