import { expectEventually } from '@baton/testing';
import { type EngineFixture, startEngineFixture } from '../support/engine-fixture';
import { flow } from '../support/flow-graph-builder';

describe('round robin under concurrency', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    // This test is about the database under concurrency, so the worker caches workflows as in production.
    f = await startEngineFixture('fairness', {}, { maxCachedWorkflows: 1000 });
  });
  afterAll(() => f.close());

  it('hands 200 simultaneous leads to 4 eligible reps with counts differing by at most 1', async () => {
    await f.db.dataSource.query(`UPDATE users SET capacity = NULL`);
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('pick', 'assign', { strategy: 'round_robin', teamId: f.roster.teamId })
        .node('done', 'end', { outcome: 'other' })
        .edge('start', 'next', 'pick')
        .edge('pick', 'assigned', 'done')
        .edge('pick', 'nobody', 'done')
        .build(),
    );
    const leadIds = await Promise.all(
      Array.from({ length: 200 }, (_, i) => f.sendLead({ name: `Lead ${i}` })),
    );
    // Every flow ends (and then parks, open for people's actions): wait until all are assigned.
    await expectEventually(
      async () => {
        const [{ n }] = await f.db.dataSource.query(
          `SELECT count(*)::int AS n FROM leads WHERE id = ANY($1) AND owner_id IS NOT NULL`,
          [leadIds],
        );
        expect(n).toBe(200);
      },
      { timeoutMs: 180_000, intervalMs: 1000 },
    );

    const rows: { owner_id: string; n: number }[] = await f.db.dataSource.query(
      `SELECT owner_id, count(*)::int AS n FROM leads WHERE id = ANY($1) GROUP BY owner_id`,
      [leadIds],
    );
    expect(rows.map((r) => r.owner_id).sort()).toEqual([...f.roster.repIds].sort());
    const counts = rows.map((r) => r.n);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  }, 240_000);
});
