import { MockActivityEnvironment } from '@temporalio/testing';
import type { WeeklyReport } from '@baton/api-contract';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { createEmailSender } from '@baton/notify';
import { sendWeeklyReport } from '../../src/reports/send-weekly-report.activity';
import { type MailCatcher, startMailCatcher } from '../support/mail-catcher';

const weekOf = (teamId: string, weekEnding: Date): WeeklyReport => ({
  team: { id: teamId, name: 'Sales <East>' },
  weekStart: new Date(weekEnding.getTime() - 7 * 86_400_000).toISOString(),
  weekEnd: weekEnding.toISOString(),
  leads: 4,
  medianSecondsToContact: 90,
  slaAttainment: 0.5,
  completion: 0.75,
  agingOpen: 1,
  leakedRevenue: 500,
  perDay: [{ day: 'Mon', leads: 4 }],
  bestReps: [],
  worstReps: [],
});

describe('sendWeeklyReport (real PostgreSQL and SMTP)', () => {
  let db: TestDatabase;
  let mail: MailCatcher;
  let teamId: string;
  let emptyTeamId: string;

  beforeAll(async () => {
    db = await createTestDatabase('weekly_report');
    mail = await startMailCatcher();
    const ds = db.dataSource;
    const [manager] = await ds.query(
      `INSERT INTO users (email, name, role) VALUES ('m@x.example', 'Maya', 'manager') RETURNING id`,
    );
    const [rep] = await ds.query(
      `INSERT INTO users (email, name, role) VALUES ('r@x.example', 'Riley', 'rep') RETURNING id`,
    );
    [{ id: teamId }] = await ds.query(
      `INSERT INTO teams (name, manager_id) VALUES ('Sales <East>', $1) RETURNING id`,
      [manager.id],
    );
    await ds.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [teamId, rep.id]);
    [{ id: emptyTeamId }] = await ds.query(
      `INSERT INTO teams (name) VALUES ('Nobody') RETURNING id`,
    );
  });
  afterAll(async () => {
    await mail.close();
    await db.drop();
  });

  const activity = () =>
    sendWeeklyReport({
      dataSource: db.dataSource,
      email: createEmailSender({ smtpUrl: mail.url, from: 'baton@x.example' }),
      loadWeeklyReport: async (id, weekEnding) => weekOf(id, weekEnding),
      publicUrl: 'https://baton.test',
    });

  it("mails the team's manager, not its reps, with both parts", async () => {
    const result = await new MockActivityEnvironment().run(activity(), {
      teamId,
      weekEnding: '2026-12-07T08:00:00.000Z',
    });
    expect(result).toEqual({ recipients: 1 });
    const [sent] = mail.messages();
    expect(sent?.to).toBe('m@x.example');
    expect(sent?.subject).toBe('Weekly handoff report: Sales <East> (2026-11-30 to 2026-12-07)');
    expect(sent?.html).toContain('Sales &lt;East&gt;');
    expect(sent?.text).toContain('SLA attainment: 50%');
    expect(sent?.text).toContain(`https://baton.test/reports/weekly?teamId=${teamId}`);
  });

  it('sends nothing for a team without a manager', async () => {
    const before = mail.messages().length;
    const result = await new MockActivityEnvironment().run(activity(), {
      teamId: emptyTeamId,
      weekEnding: '2026-12-07T08:00:00.000Z',
    });
    expect(result).toEqual({ recipients: 0 });
    expect(mail.messages()).toHaveLength(before);
  });
});
