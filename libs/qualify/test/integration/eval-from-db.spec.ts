import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../../..');

/**
 * `npm run eval:qualify -- --from-db` on a real PostgreSQL: the leads reps corrected are the
 * labels, scored with the profile of the flow version each lead ran on.
 */
describe('eval:qualify --from-db', () => {
  let db: TestDatabase;

  const one = async (sql: string, values: unknown[] = []): Promise<string> => {
    const [row] = (await db.dataSource.query(sql, values)) as { id: string }[];
    if (!row) throw new Error(`no row from ${sql}`);
    return row.id;
  };

  beforeAll(async () => {
    db = await createTestDatabase('eval_from_db');
    const rep = await one(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('rep@example.com', 'Rep', 'rep', 'x') RETURNING id`,
    );
    const source = await one(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('web', 'web', 'h', 'bat_') RETURNING id`,
    );
    const lead = (name: string, email: string, message: string) =>
      one(
        `INSERT INTO leads (source_id, name, email, message, custom_fields, context, received_at, qualification)
         VALUES ($1, $2, $3, $4, '{}', '{}', now(), '{"score": 20, "spam": false}') RETURNING id`,
        [source, name, email, message],
      );
    const burst = await lead(
      'Sam',
      'sam@gmail.com',
      'Pipe burst in the kitchen, water everywhere, need a plumber today please!',
    );
    const pitch = await lead(
      'Growth Team',
      'hi@rank.example.net',
      'We noticed your website is not on page 1 of Google. We help contractors get 50+ leads a month. Want a free audit?',
    );
    for (const [id, cls] of [
      [burst, 'hot'],
      [pitch, 'spam'],
    ] as const) {
      await db.dataSource.query(
        `INSERT INTO qualification_corrections (lead_id, corrected_by_id, class, qualification)
         SELECT id, $2, $3, qualification FROM leads WHERE id = $1`,
        [id, rep, cls],
      );
    }
  });
  afterAll(() => db?.drop());

  const evalQualify = (args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', 'libs/qualify/eval/run-eval.ts', ...args], {
      cwd: root,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        DATABASE_URL: db.url,
        OLLAMA_HOST: '',
      },
      timeout: 60_000,
    });

  it('measures the heuristic against the corrected leads', async () => {
    const { stdout } = await evalQualify(['--from-db', '--profile', 'home_services']);
    expect(stdout).toContain('== heuristic on the corrected leads: 2 leads ==');
    expect(stdout).toMatch(/hot\s+100\.0%\s+100\.0%\s+1/);
    expect(stdout).toMatch(/spam\s+100\.0%\s+100\.0%\s+1/);
    expect(stdout).toContain('model: skipped');
  });

  it('says what is missing when there is nothing to measure', async () => {
    await expect(
      run(
        process.execPath,
        ['-r', '@swc-node/register', 'libs/qualify/eval/run-eval.ts', '--from-db'],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: '' },
        },
      ),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--from-db needs DATABASE_URL'),
    });
  });
});
