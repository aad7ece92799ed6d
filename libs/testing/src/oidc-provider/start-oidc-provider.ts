import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claims the provider gives whoever types this login name on its sign-in page. */
  addAccount(login: string, claims: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/** Starts the real oidc-provider (oidc-provider.fixture.mjs, next to this file) in a child process. */
export async function startOidcProvider(redirectUris: string[]): Promise<TestOidcProvider> {
  const clientId = 'baton-test';
  const clientSecret = 'baton-test-secret-0123456789';
  const child: ChildProcess = spawn(
    process.execPath,
    [join(__dirname, 'oidc-provider.fixture.mjs')],
    {
      env: {
        ...process.env,
        OIDC_FIXTURE_CLIENT_ID: clientId,
        OIDC_FIXTURE_CLIENT_SECRET: clientSecret,
        OIDC_FIXTURE_REDIRECT_URIS: redirectUris.join(','),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.once('exit', (code) =>
      reject(new Error(`oidc-provider fixture exited (${code}) before starting:\n${stderr}`)),
    );
  });
  return {
    issuer,
    clientId,
    clientSecret,
    async addAccount(login, claims) {
      const res = await fetch(`${issuer}/__test/accounts`, {
        method: 'POST',
        body: JSON.stringify({ accountId: login, claims }),
      });
      if (res.status !== 204) throw new Error(`could not add account: ${res.status}`);
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
