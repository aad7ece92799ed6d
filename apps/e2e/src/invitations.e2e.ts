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

// An admin invites a rep by email; the rep opens the link from the mail signed out, chooses a
// password and lands in their inbox. Then the admin edits the rep's capacity and teams.
describe('an admin invites a rep by email, the rep sets a password from the link', () => {
  let stack: RunningStack;
  let browser: Browser;
  const password = 'e2e-password-0123';

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('invitations');
    await stack.db.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('ada@e2e.example', 'Ada Admin', 'admin', $1)`,
      [await hashPassword(password)],
    );
    await stack.db.dataSource.query(`INSERT INTO teams (name) VALUES ('Front desk')`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('invites, accepts signed out, lands in the inbox, and the admin edits the rep', async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(admin, stack.baseUrl, 'ada@e2e.example', password);
    await openSettingsPage(admin, 'People');
    await admin.getByRole('button', { name: 'Add a person' }).click();
    await admin.getByLabel('Name', { exact: true }).fill('Rosa Rep');
    await admin.getByLabel('Email', { exact: true }).fill('rosa@e2e.example');
    expect(await admin.getByLabel(/Invite by email/).isChecked()).toBe(true);
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(/Invitation sent to rosa@e2e.example/).waitFor();
    const row = admin.getByRole('row', { name: /Rosa Rep/ });
    await row.getByText(/Invited · expires/).waitFor();
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // The mail as the SMTP server received it; its link points at BATON_PUBLIC_URL.
    const mail = stack.mail.list().find((m) => m.envelope.to.includes('rosa@e2e.example'));
    expect(mail?.subject).toBe('You are invited to Baton');
    const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
    if (!link) throw new Error(`no invitation link in the mail: ${mail?.text}`);

    // A fresh browser context: no cookies, signed out.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const rosa = await context.newPage();
    await rosa.goto(`${stack.baseUrl}${new URL(link).pathname}`);
    await rosa.getByRole('heading', { name: 'Welcome, Rosa Rep' }).waitFor();
    expect(await rosa.getByText('rosa@e2e.example').count()).toBe(1);
    await rosa.getByLabel('Password', { exact: true }).fill('rosa chooses a passphrase');
    await rosa.getByLabel('Confirm password').fill('rosa chooses a different one');
    await rosa.getByRole('button', { name: 'Set password and sign in' }).click();
    await rosa.getByText('The two passwords are not the same.').waitFor();
    expect(await seriousA11yViolations(rosa)).toEqual([]);
    await rosa.screenshot({ path: artifactPath('invite-accept.png') });

    await rosa.getByLabel('Confirm password').fill('rosa chooses a passphrase');
    await rosa.getByRole('button', { name: 'Set password and sign in' }).click();
    await rosa.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(new URL(rosa.url()).pathname).toBe('/leads');
    expect(await rosa.locator('.user-menu-name').textContent()).toBe('Rosa Rep');
    expect(await rosa.locator('.user-menu-role').textContent()).toBe('Rep');

    // The link worked once: opened again it says so.
    const again = await context.newPage();
    await again.goto(`${stack.baseUrl}${new URL(link).pathname}`);
    await again.getByRole('heading', { name: 'This invitation was already used' }).waitFor();
    await context.close();

    // The admin sees Rosa can sign in now, and edits her capacity and team.
    await admin.reload();
    const accepted = admin.getByRole('row', { name: /Rosa Rep/ });
    await accepted.getByRole('button', { name: 'Edit Rosa Rep' }).waitFor();
    expect(await accepted.getByText(/Invited/).count()).toBe(0);
    await accepted.getByRole('button', { name: 'Edit Rosa Rep' }).click();
    const form = admin.getByRole('form', { name: 'Edit Rosa Rep' });
    await form.getByLabel('Open leads at most').fill('8');
    await form.getByLabel('Skills').fill('implants, spanish');
    await form.getByLabel('Front desk').check();
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.screenshot({ path: artifactPath('people-edit.png'), fullPage: true });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByText('Rosa Rep is saved.').waitFor();
    const saved = admin.getByRole('row', { name: /Rosa Rep/ });
    await saved.getByText('Front desk').waitFor();
    expect(await saved.textContent()).toContain('0 / 8');
  });
});
