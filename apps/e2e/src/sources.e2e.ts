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
import { openSettingsPage } from './support/settings-page';

// An admin creates a source in the browser, pastes its form snippet into a static page on another
// origin, and a visitor's plain form post there becomes a lead; then adds a rep, a team for them,
// and the team's working hours (a schedule with weekly hours and a holiday).
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
    await openSettingsPage(page, 'Sources');
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
    await openSettingsPage(page, 'People');
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Name').fill('Riley Rep');
    await page.getByLabel('Email', { exact: true }).fill('riley@e2e.example');
    await page.getByLabel('Skills').fill('implants, spanish');
    // Inviting by email is the default; this admin hands the rep a first password instead.
    await page.getByRole('radio', { name: /Set a first password/ }).check();
    await page.getByLabel('First password', { exact: true }).fill('riley-first-password');
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

    // The team's working hours: a schedule made in the browser, then set on the team.
    await page.getByRole('link', { name: 'Schedules' }).click();
    await page.getByText('No schedules yet').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'New schedule' }).click();
    // Tomorrow where the practice is: a holiday inside the week the page draws.
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'Europe/Berlin',
    });
    const editor = page.getByRole('form', { name: 'New schedule' });
    await editor.getByLabel('Name', { exact: true }).fill('Practice hours');
    await editor.getByLabel('Time zone').fill('Europe/Berlin');
    await editor.getByLabel('Monday opens', { exact: true }).fill('08:00');
    await editor.getByLabel('Monday closes', { exact: true }).fill('12:30');
    await editor.getByRole('button', { name: 'Add hours on Monday' }).click();
    await editor.getByLabel('Monday opens (opening 2)').fill('11:00');
    await editor.getByLabel('Monday closes (opening 2)').fill('18:00');
    await editor.getByRole('button', { name: 'Create schedule' }).click();
    // The API's own rule, shown at the field before anything is sent.
    const overlap = editor.getByText('overlaps 08:00–12:30; join them into one opening');
    await overlap.waitFor();
    await editor.getByLabel('Monday opens (opening 2)').fill('13:30');
    await overlap.waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Copy Monday to weekdays' }).click();
    await editor.getByRole('button', { name: 'Add a holiday' }).click();
    await editor.getByLabel('Date of holiday 1').fill(tomorrow);
    await editor.getByLabel('Name of holiday 1').fill('Team training day');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('schedule-editor.png'), fullPage: true });
    await editor.getByRole('button', { name: 'Create schedule' }).click();
    await page.getByText('Practice hours is ready: give it to a team.').waitFor();
    const hours = page.getByRole('article', { name: 'Practice hours' });
    expect(await hours.textContent()).toContain('Mon–Fri 08:00–12:30, 13:30–18:00');
    expect(await hours.getByTestId('week-strip-day').count()).toBe(7);
    await hours.getByText('Holiday: Team training day').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('schedules-page.png'), fullPage: true });

    await page.getByRole('link', { name: 'Teams' }).click();
    await team.getByRole('button', { name: 'Edit team' }).click();
    await team
      .getByLabel('Working hours')
      .selectOption({ label: 'Practice hours (Europe/Berlin)' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await team.getByRole('button', { name: 'Save team' }).click();
    await team.getByText('Practice hours', { exact: true }).waitFor();

    // In use now: the schedules page says by whom, and refuses to delete it.
    await page.getByRole('link', { name: 'Schedules' }).click();
    await hours.getByText('team Front desk').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await hours.getByRole('button', { name: 'Delete' }).click();
    await hours
      .getByRole('alert')
      .getByText(/used by team "Front desk"/)
      .waitFor();
    const [stored]: {
      weekly: object;
      holidays: string[];
      holiday_names: object;
      teams: string[];
    }[] = await stack.db.dataSource.query(
      `SELECT s.weekly, s.holidays, s.holiday_names,
                array(SELECT t.name FROM teams t WHERE t.schedule_id = s.id) AS teams
         FROM schedules s WHERE s.name = 'Practice hours'`,
    );
    const split = [
      { start: '08:00', end: '12:30' },
      { start: '13:30', end: '18:00' },
    ];
    expect(stored).toEqual({
      weekly: { mon: split, tue: split, wed: split, thu: split, fri: split },
      holidays: [tomorrow],
      holiday_names: { [tomorrow]: 'Team training day' },
      teams: ['Front desk'],
    });
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, stack.baseUrl, 'riley@e2e.example', 'riley-first-password');
    await page.getByText('Riley Rep', { exact: true }).waitFor();
    // A rep sees none of the settings pages in the top bar.
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Teams' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Sources' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Schedules' }).count()).toBe(0);
    await page.close();
  });
});
