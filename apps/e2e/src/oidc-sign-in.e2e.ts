import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startOidcProvider, type TestOidcProvider } from '@baton/testing';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';

/** A port nobody listens on now, so the provider can know Baton's redirect URL before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

// IT turned passwords off: people sign in through the company's OIDC provider (a real
// oidc-provider here), in Chromium, through its login and consent pages.
describe('single sign-on with an OIDC provider, passwords off', () => {
  let idp: TestOidcProvider;
  let stack: RunningStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider([`${baseUrl}/api/v1/auth/oidc/callback`]);
    stack = await startStack('oidc', {
      port,
      apiEnv: {
        BATON_PUBLIC_URL: baseUrl,
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_DISPLAY_NAME: 'Acme SSO',
        BATON_LOCAL_PASSWORDS: 'off',
      },
    });
    // Invited without a password: SSO is their only way in.
    await stack.db.dataSource.query(
      `INSERT INTO users (email, name, role) VALUES ('riley@e2e.example', 'Riley Rep', 'rep')`,
    );
    await idp.addAccount('riley', { email: 'Riley@e2e.example', email_verified: true });
    await idp.addAccount('ghost', { email: 'ghost@e2e.example', email_verified: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await idp?.close();
  });

  /** The provider's own pages: its login form, then its consent page. */
  async function signInAtProvider(page: Page, login: string) {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('shows only the SSO button, and explains a refused sign-in on the login page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(stack.baseUrl);
    const sso = page.getByRole('link', { name: 'Sign in with Acme SSO' });
    await sso.waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('login-sso.png') });

    // The button has the focus: Enter is enough.
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await signInAtProvider(page, 'ghost');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'No Baton account for ghost@e2e.example — ask your admin to invite you.',
    );
    expect(new URL(page.url()).search).toBe('');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('login-sso-refused.png') });
    await page.close();
  });

  it('signs a known person in through the provider and lands in the app', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(stack.baseUrl);
    await page.getByRole('link', { name: 'Sign in with Acme SSO' }).click();
    await signInAtProvider(page, 'riley');

    await page.getByText('Riley Rep').waitFor();
    expect(new URL(page.url()).origin).toBe(stack.baseUrl);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await page.close();
  });
});
