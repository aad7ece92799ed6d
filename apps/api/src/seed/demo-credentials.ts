import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { newSecretToken } from '../auth/secret-token';

const demoCredentialsSchema = z.object({
  password: z.string().min(12),
  apiKey: z.string().min(20),
});
export type DemoCredentials = z.infer<typeof demoCredentialsSchema>;

/**
 * The demo login and source key are random per install, generated once and kept in the
 * (git-ignored, owner-only) data folder so every `npm start` can print them again.
 */
export async function loadOrCreateDemoCredentials(
  dataDir: string,
): Promise<{ credentials: DemoCredentials; created: boolean }> {
  const file = join(dataDir, 'demo-credentials.json');
  if (existsSync(file)) {
    const parsed = demoCredentialsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return { credentials: parsed.data, created: false };
  }
  const credentials = {
    password: `demo-${newSecretToken(9)}`,
    apiKey: `bat_${newSecretToken(24)}`,
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return { credentials, created: true };
}
