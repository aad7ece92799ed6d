import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where browser tests leave what a person should look at (screenshots): E2E_ARTIFACTS_DIR, else
 * test-results/e2e under the repository (ignored by git).
 */
export function artifactPath(name: string): string {
  const dir =
    process.env['E2E_ARTIFACTS_DIR'] ?? resolve(__dirname, '../../../../test-results/e2e');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
