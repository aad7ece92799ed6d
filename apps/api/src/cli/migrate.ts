// `migrate` brings the schema up to date (also run as a Kubernetes Job), optionally creates the
// first admin from the environment and seeds the demo. Progress goes to stderr; the last stdout
// line is JSON for tools (npm start prints the demo login from it).
import { resolve } from 'node:path';
import { openAndMigrate } from '@baton/db';
import { loadOrCreateDemoCredentials } from '../seed/demo-credentials';
import { DEMO_ADMIN_EMAIL, DEMO_SOURCE_SLUG, demoPeople, seedDemo } from '../seed/demo-seed';
import { ensureAdmin } from '../seed/ensure-admin';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  const db = await openAndMigrate({ url, poolSize: 2, applicationName: 'baton-migrate' });
  let demo: Record<string, unknown> = {};
  let admin: Record<string, unknown> = {};
  try {
    console.error(
      `Schema up to date (${db.migrations.length} migration${db.migrations.length === 1 ? '' : 's'})`,
    );
    const adminEmail = process.env['BATON_ADMIN_EMAIL'];
    const adminPassword = process.env['BATON_ADMIN_PASSWORD'];
    if (adminEmail && adminPassword) {
      admin = { admin: await ensureAdmin(db, adminEmail, adminPassword) };
      console.error(`Admin ${adminEmail}: ${String(admin['admin'])}`);
    }
    if (process.env['BATON_SEED_DEMO'] === 'true') {
      const dataDir = resolve(process.env['BATON_DATA_DIR'] ?? '.data');
      const { credentials } = await loadOrCreateDemoCredentials(dataDir);
      await seedDemo(db, credentials);
      demo = {
        demoLogin: { email: DEMO_ADMIN_EMAIL, password: credentials.password },
        // Everyone else signs in with the same password, to try the manager's and the reps' day.
        demoPeople: demoPeople.map(({ name, email, role }) => ({ name, email, role })),
        demoSource: { slug: DEMO_SOURCE_SLUG, apiKey: credentials.apiKey },
      };
      console.error('Demo team, reps, routing flow and source are in place');
    }
  } finally {
    await db.destroy();
  }
  // Demo keys first: `npm start` hides the line that starts with {"demoLogin".
  process.stdout.write(
    `${JSON.stringify({ ...demo, ...admin, migrations: db.migrations.map((m) => m.name) })}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
