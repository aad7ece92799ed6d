import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { computeWeeklyReport, weekStarting } from '../../src/reports/weekly-report.compute';

const WEEK = weekStarting(new Date('2026-11-30T00:00:00Z'));
const at = (iso: string) => new Date(iso).toISOString();

describe('computeWeeklyReport (real PostgreSQL)', () => {
  let db: TestDatabase;
  let teamId: string;
  let fastId: string;
  let slowId: string;

  beforeAll(async () => {
    db = await createTestDatabase('weekly_compute');
    const ds = db.dataSource;
    [{ id: fastId }] = await ds.query(
      `INSERT INTO users (email, name, role) VALUES ('f@x.example', 'Fay <fast>', 'rep') RETURNING id`,
    );
    [{ id: slowId }] = await ds.query(
      `INSERT INTO users (email, name, role) VALUES ('s@x.example', 'Sol', 'rep') RETURNING id`,
    );
    [{ id: teamId }] = await ds.query(`INSERT INTO teams (name) VALUES ('East') RETURNING id`);
    const [other] = await ds.query(`INSERT INTO teams (name) VALUES ('West') RETURNING id`);
    const [source] = await ds.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('s', 'S', 'h', 'p') RETURNING id`,
    );
    const lead = (
      team: string,
      received: string,
      owner: string | null,
      contactAfterSeconds: number | null,
      status: string,
    ) =>
      ds.query(
        `INSERT INTO leads (source_id, name, email, team_id, owner_id, status, received_at, assigned_at,
           first_contact_at, sla_due_at)
         VALUES ($1, 'L', 'l@x.example', $2, $3, $4, $5::timestamptz,
           CASE WHEN $3::uuid IS NULL THEN NULL ELSE $5::timestamptz END,
           $5::timestamptz + make_interval(secs => $6), $5::timestamptz + interval '5 minutes')`,
        [source.id, team, owner, status, at(received), contactAfterSeconds],
      );
    // East: Monday 2 fast (60 s, 120 s), Tuesday 1 slow (1 h, past SLA), Wednesday 1 never contacted.
    await lead(teamId, '2026-11-30T09:00:00Z', fastId, 60, 'contacted');
    await lead(teamId, '2026-11-30T10:00:00Z', fastId, 120, 'contacted');
    await lead(teamId, '2026-12-01T09:00:00Z', slowId, 3600, 'contacted');
    await lead(teamId, '2026-12-02T09:00:00Z', slowId, null, 'assigned');
    // Outside the team or the week: must not count.
    await lead(other.id, '2026-11-30T09:00:00Z', fastId, 60, 'contacted');
    await lead(teamId, '2026-12-07T00:00:00Z', fastId, 60, 'contacted');
  });
  afterAll(() => db.drop());

  it('computes the week with the metrics definitions, for this team only', async () => {
    const report = await computeWeeklyReport(db.dataSource, teamId, WEEK, {
      defaultSlaMinutes: 5,
      averageDealValue: 1000,
    });
    expect(report.team).toEqual({ id: teamId, name: 'East' });
    expect(report.weekStart).toBe('2026-11-30T00:00:00.000Z');
    expect(report.weekEnd).toBe('2026-12-07T00:00:00.000Z');
    expect(report.leads).toBe(4);
    expect(report.medianSecondsToContact).toBe(120);
    expect(report.completion).toBe(0.75);
    expect(report.slaAttainment).toBe(0.5);
    expect(report.agingOpen).toBe(1);
    expect(report.perDay.map((d) => d.leads)).toEqual([2, 1, 1, 0, 0, 0, 0]);
    expect(report.perDay[0]?.day).toBe('Mon 11-30');
    expect(report.bestReps[0]).toEqual({
      userId: fastId,
      name: 'Fay <fast>',
      leads: 2,
      medianSecondsToContact: 90,
    });
    expect(report.worstReps[0]).toMatchObject({ userId: slowId, medianSecondsToContact: 3600 });
  });

  it('is empty, not an error, for a quiet week', async () => {
    const report = await computeWeeklyReport(
      db.dataSource,
      teamId,
      weekStarting(new Date('2026-01-05T00:00:00Z')),
      { defaultSlaMinutes: 5, averageDealValue: 1000 },
    );
    expect(report.leads).toBe(0);
    expect(report.completion).toBeNull();
    expect(report.bestReps).toEqual([]);
    expect(report.perDay.every((d) => d.leads === 0)).toBe(true);
  });
});
