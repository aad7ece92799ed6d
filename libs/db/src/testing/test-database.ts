import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { openAndMigrate } from '../data-source';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database on the server `npm test` started (BATON_TEST_DATABASE_URL), so test
 * files running in parallel never see each other's rows.
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const serverUrl = process.env['BATON_TEST_DATABASE_URL'];
  if (!serverUrl) {
    throw new Error(
      'BATON_TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL.',
    );
  }
  const name = `baton_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = await openAndMigrate({
    url: url.toString(),
    poolSize: 5,
    applicationName: `baton-${label}`,
  });
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
