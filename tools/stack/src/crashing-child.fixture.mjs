// @ts-check
// A child for supervisor.spec.ts: appends "time pid grandchild-pid" to $STARTS_FILE on each start,
// then exits with code 3 after $CRASH_AFTER_MS on its first $CRASHES starts ("always": on every
// one) and otherwise stays up. It leaves a grandchild running in its process group, so the test
// can check that a crash or a stop leaves nothing behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const startsFile = /** @type {string} */ (process.env.STARTS_FILE);
const crashes = process.env.CRASHES ?? '0';
const crashAfterMs = Number(process.env.CRASH_AFTER_MS ?? '50');

const earlier = fs.existsSync(startsFile)
  ? fs.readFileSync(startsFile, 'utf8').split('\n').filter(Boolean).length
  : 0;
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
  stdio: 'ignore',
});
fs.appendFileSync(startsFile, `${Date.now()} ${process.pid} ${grandchild.pid}\n`);
if (crashes === 'always' || earlier < Number(crashes)) {
  setTimeout(() => process.exit(3), crashAfterMs);
} else {
  setInterval(() => {}, 1000);
}
