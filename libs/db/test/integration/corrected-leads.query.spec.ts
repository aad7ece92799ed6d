import type { DataSource } from 'typeorm';
import { loadCorrectedLeads } from '../../src';
import { createTestDatabase, type TestDatabase } from '../../src/testing';

// The labels query on a real PostgreSQL: latest correction per lead, filters, and the lead's
// fields as the qualifier reads them.
describe('loadCorrectedLeads', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const ids: Record<string, string> = {};

  const one = async (sql: string, values: unknown[] = []): Promise<string> => {
    const [row] = (await ds.query(sql, values)) as { id: string }[];
    if (!row) throw new Error(`no row from ${sql}`);
    return row.id;
  };
  const lead = (sourceId: string, teamId: string | null, name: string, extra: object = {}) =>
    one(
      `INSERT INTO leads (source_id, team_id, name, email, phone, company, message, custom_fields, context, received_at, qualification)
       VALUES ($1, $2, $3, $4, '+44 20 7946 0000', 'Acme', $5, $6, $7, now(), $8) RETURNING id`,
      [
        sourceId,
        teamId,
        name,
        `${name.toLowerCase()}@example.com`,
        `Hello from ${name}`,
        JSON.stringify({ seats: 40, plan: 'Enterprise' }),
        JSON.stringify({ form: 'Demo request', utm: { source: 'google' } }),
        JSON.stringify({ score: 30, spam: false, method: 'heuristic', ...extra }),
      ],
    );
  const correct = (leadId: string, cls: string, note: string | null, at: string) =>
    one(
      `INSERT INTO qualification_corrections (lead_id, corrected_by_id, class, note, qualification, created_at)
       SELECT id, $2, $3, $4, qualification, $5 FROM leads WHERE id = $1 RETURNING id`,
      [leadId, ids['dana'], cls, note, at],
    );

  beforeAll(async () => {
    db = await createTestDatabase('labels');
    ds = db.dataSource;
    ids['dana'] = await one(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('dana@example.com', 'Dana', 'rep', 'x') RETURNING id`,
    );
    ids['teamA'] = await one(`INSERT INTO teams (name) VALUES ('A') RETURNING id`);
    ids['teamB'] = await one(`INSERT INTO teams (name) VALUES ('B') RETURNING id`);
    const source = (slug: string) =>
      one(
        `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ($1, $1, $1, 'bat_') RETURNING id`,
        [slug],
      );
    ids['web'] = await source('web');
    ids['ads'] = await source('ads');
    ids['ada'] = await lead(ids['web'], ids['teamA'], 'Ada');
    ids['bob'] = await lead(ids['ads'], ids['teamB'], 'Bob', { score: 90 });
    ids['cy'] = await lead(ids['web'], null, 'Cy');
    await correct(ids['ada'], 'cold', 'first look', '2026-03-01T10:00:00Z');
    await correct(ids['bob'], 'spam', null, '2026-03-01T11:00:00Z');
    await correct(ids['ada'], 'hot', 'asked for a quote on the phone', '2026-03-01T12:00:00Z');
    // The lead is qualified again after the correction: the label keeps what it corrected.
    await ds.query(`UPDATE leads SET qualification = '{"score": 75}' WHERE id = $1`, [ids['ada']]);
  });
  afterAll(() => db.drop());

  it('returns each corrected lead once, with its latest correction, oldest label first', async () => {
    const labels = await loadCorrectedLeads(ds);
    expect(labels.map((l) => [l.leadId, l.correction.class, l.correction.note])).toEqual([
      [ids['bob'], 'spam', null],
      [ids['ada'], 'hot', 'asked for a quote on the phone'],
    ]);
    const ada = labels[1];
    expect(ada?.correction.qualification).toEqual({ score: 30, spam: false, method: 'heuristic' });
    expect(ada?.correction.correctedById).toBe(ids['dana']);
    expect(ada?.correction.correctedAt.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(ada?.input).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      company: 'Acme',
      message: 'Hello from Ada',
      customFields: { seats: 40, plan: 'Enterprise' },
      context: { form: 'Demo request', utm: { source: 'google' } },
    });
    expect(ada).toMatchObject({ sourceId: ids['web'], teamId: ids['teamA'], flowVersionId: null });
  });

  it('filters by team and by source', async () => {
    const byTeam = await loadCorrectedLeads(ds, { teamId: ids['teamB'] });
    expect(byTeam.map((l) => l.leadId)).toEqual([ids['bob']]);
    const bySource = await loadCorrectedLeads(ds, { sourceId: ids['web'] });
    expect(bySource.map((l) => l.leadId)).toEqual([ids['ada']]);
    expect(await loadCorrectedLeads(ds, { teamId: ids['teamB'], sourceId: ids['web'] })).toEqual(
      [],
    );
  });

  it('refuses a class outside hot, warm, cold and spam', async () => {
    await expect(correct(ids['cy'], 'lukewarm', null, '2026-03-02T00:00:00Z')).rejects.toThrow(
      /check constraint/,
    );
  });

  it('forgets the labels of an erased lead', async () => {
    const gone = await lead(ids['web'], null, 'Gone');
    await correct(gone, 'warm', null, '2026-03-03T00:00:00Z');
    await ds.query(`DELETE FROM leads WHERE id = $1`, [gone]);
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM qualification_corrections WHERE lead_id = $1`,
      [gone],
    )) as { n: number }[];
    expect(n).toBe(0);
  });
});
