import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { hashPassword, sha256 } from '@baton/api';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';
import { openSettingsPage } from './support/settings-page';

const run = promisify(execFile);

// An admin turns request signing on for a partner's source in the browser; the partner signs a
// lead with the secret shown once (as the page explains) and Baton takes it, while an unsigned
// lead with the same API key is refused.
describe('an admin requires signed requests from a source', () => {
  let stack: RunningStack;
  let browser: Browser;
  const password = 'e2e-password-0123';
  const apiKey = 'bat_e2e-partner-key-0123456789abcdef';

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('source-signing', {
      apiEnv: { BATON_SIGNING_KEY: 'e2e-master-signing-key-0123456789abcdef' },
    });
    await stack.db.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('ada@e2e.example', 'Ada Admin', 'admin', $1)`,
      [await hashPassword(password)],
    );
    await stack.db.dataSource.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('partner-api', 'Partner API', $1, $2)`,
      [sha256(apiKey), apiKey.slice(0, 8)],
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const postLead = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.baseUrl}/api/v1/leads`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${apiKey}`,
        ...headers,
      },
      body,
    });

  it('shows the secret once; a lead signed with it is taken (202), an unsigned one refused (401)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, stack.baseUrl, 'ada@e2e.example', password);
    await openSettingsPage(page, 'Sources');
    const card = page.getByRole('article', { name: 'Partner API' });
    await card.getByTestId('signing-state').getByText(/^Off/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'Require signed requests' }).click();
    const secret = (await card.getByTestId('source-signing-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await card.getByText('How to sign a request').click();
    const curlSnippet = (await card.getByTestId('curl-signing-snippet').textContent()) ?? '';
    const nodeSnippet = (await card.getByTestId('node-signing-snippet').textContent()) ?? '';
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('source-signing.png'), fullPage: true });

    // Signed as the page says: HMAC-SHA256 of "<t>.<raw body>" under the secret.
    const body = JSON.stringify({
      contact: { name: 'Priya Shah', email: 'priya@partner.example' },
      message: 'Referred by our partner: wants a quote for two implants',
    });
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    const signed = await postLead(body, { 'X-Baton-Signature': `t=${t},v1=${v1}` });
    expect(signed.status).toBe(202);

    const unsigned = await postLead(
      JSON.stringify({ contact: { name: 'Mallory', email: 'mallory@example.com' } }),
    );
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { message: string }).message).toContain('X-Baton-Signature');

    // Both snippets on the page work as pasted, with the two secrets in the environment (a second
    // apart: the same body signed in the same second is the same signature, refused as a replay).
    const env = {
      PATH: process.env['PATH'] ?? '',
      BATON_API_KEY: apiKey,
      BATON_SIGNING_SECRET: secret,
    };
    const node = await run(process.execPath, ['--input-type=module', '-e', nodeSnippet], { env });
    expect(node.stdout.trim()).toBe('202');
    await new Promise((done) => setTimeout(done, 1100));
    const shell = await run('bash', ['-c', `${curlSnippet} -s -o /dev/null -w '%{http_code}'`], {
      env,
    });
    expect(shell.stdout).toBe('202');

    const leads: { name: string }[] = await stack.db.dataSource.query(
      `SELECT l.name FROM leads l JOIN sources s ON s.id = l.source_id WHERE s.slug = 'partner-api' ORDER BY l.received_at`,
    );
    expect(leads.map((l) => l.name)).toEqual(['Priya Shah', 'Ada', 'Ada']);

    // Once stored, the secret is gone from the page; rotating retires it.
    await card.getByRole('button', { name: 'I have stored the secret' }).click();
    expect(await card.getByTestId('source-signing-secret').count()).toBe(0);
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Rotate signing secret' }).click();
    const rotated = (await card.getByTestId('source-signing-secret').textContent()) ?? '';
    expect(rotated).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated).not.toBe(secret);
    const t2 = Math.floor(Date.now() / 1000);
    const old = createHmac('sha256', secret).update(`${t2}.${body}`).digest('hex');
    expect((await postLead(body, { 'X-Baton-Signature': `t=${t2},v1=${old}` })).status).toBe(401);
    await page.close();
  });
});
