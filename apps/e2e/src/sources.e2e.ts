import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { hashPassword } from '@baton/api';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';

// An admin creates a source in the browser, pastes its form snippet into a static page on another
// origin, and a visitor's plain form post there becomes a lead.
describe('an admin sets Baton up in the browser: a source for the website, a rep', () => {
  let stack: RunningStack;
  let browser: Browser;
  let site: Server;
  let siteOrigin: string;
  let pageHtml = '<p>no form yet</p>';
  const password = 'e2e-password-0123';

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('sources');
    await stack.db.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('ada@e2e.example', 'Ada Admin', 'admin', $1)`,
      [await hashPassword(password)],
    );
    // The customer's website: a static page on its own port, so its origin is not Baton's.
    site = createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        req.url === '/thanks'
          ? '<!doctype html><title>Thanks</title><h1>Thanks, we will call you</h1>'
          : `<!doctype html><html lang="en"><title>Dental practice</title><body>${pageHtml}</body></html>`,
      );
    });
    await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => site?.close(done));
    await stack?.stop();
  });

  it('creates the source, shows its key once, and the pasted form delivers a lead', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, stack.baseUrl, 'ada@e2e.example', password);
    await page.getByRole('link', { name: 'Sources' }).click();
    await page.getByText('No sources yet').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'New source' }).click();
    await page.getByLabel('Name').fill('Practice website');
    expect(await page.getByLabel('Slug').inputValue()).toBe('practice-website');
    await page.getByLabel('Websites allowed to post its form').fill(siteOrigin);
    await page.getByLabel('Thank-you page').fill(`${siteOrigin}/thanks`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create source' }).click();

    const key = await page.getByTestId('source-api-key').textContent();
    expect(key).toMatch(/^bat_/);
    await page.screenshot({ path: artifactPath('sources-key-shown-once.png') });
    await page.getByRole('button', { name: 'I have stored the key' }).click();

    const card = page.getByRole('article', { name: 'Practice website' });
    await card.getByText('Add a form to your website (HTML, no JavaScript)').click();
    pageHtml = (await card.locator('pre code').first().textContent()) ?? '';
    expect(pageHtml).toContain('/api/v1/intake/practice-website');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('sources-page.png'), fullPage: true });

    // A visitor fills in the pasted form on the practice's own site: a real form post.
    const visitor = await browser.newPage();
    await visitor.goto(siteOrigin);
    await visitor.getByLabel('Name').fill('Dana Patel');
    await visitor.getByLabel('Email').fill('dana@example.com');
    await visitor.getByLabel('How can we help?').fill('Chipped tooth, can someone call today?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.waitForURL(`${siteOrigin}/thanks`);

    const [lead]: { name: string; email: string; message: string }[] =
      await stack.db.dataSource.query(
        `SELECT l.name, l.email, l.message FROM leads l JOIN sources s ON s.id = l.source_id
         WHERE s.slug = 'practice-website'`,
      );
    expect(lead).toEqual({
      name: 'Dana Patel',
      email: 'dana@example.com',
      message: 'Chipped tooth, can someone call today?',
    });

    // The key shown once works for the API too.
    const res = await fetch(`${stack.baseUrl}/api/v1/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ contact: { name: 'Sam Lee', phone: '+44 20 7946 0001' } }),
    });
    expect(res.status).toBe(202);
    await visitor.close();
    await page.close();
  });

  it('adds a rep on the People page and a team for them; the rep signs in with the first password', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, stack.baseUrl, 'ada@e2e.example', password);
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Name').fill('Riley Rep');
    await page.getByLabel('Email').fill('riley@e2e.example');
    await page.getByLabel('Skills').fill('implants, spanish');
    await page.getByLabel('First password').fill('riley-first-password');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Riley Rep can sign in now').waitFor();
    const row = page.getByTestId('person-row').filter({ hasText: 'riley@e2e.example' });
    expect(await row.textContent()).toContain('Rep');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('people-page.png'), fullPage: true });

    // A team for the rep, so a flow's assign step can pick them.
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByText('No teams yet').waitFor();
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByLabel('Name').fill('Front desk');
    await page
      .getByRole('group', { name: 'Members' })
      .getByLabel(/Riley Rep/)
      .check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create team' }).click();
    const team = page.getByRole('article', { name: 'Front desk' });
    await team.waitFor();
    expect(await team.textContent()).toContain('Riley Rep');
    await page.screenshot({ path: artifactPath('teams-page.png'), fullPage: true });
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, stack.baseUrl, 'riley@e2e.example', 'riley-first-password');
    await page.getByText('Riley Rep', { exact: true }).waitFor();
    // A rep sees none of the settings pages in the top bar.
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Teams' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Sources' }).count()).toBe(0);
    await page.close();
  });
});
