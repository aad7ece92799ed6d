import { MockActivityEnvironment } from '@temporalio/testing';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { createHandoffActivities } from '../../src/activities/create-handoff-activities';
import { type MailCatcher, startMailCatcher } from '../support/mail-catcher';
import { createTestPorts } from '../support/test-ports';

describe('repeat SLA breaches', () => {
  let db: TestDatabase;
  let mail: MailCatcher;
  let repId: string;
  let managerId: string;
  let leadIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase('breach');
    mail = await startMailCatcher();
    const ds = db.dataSource;
    [{ id: managerId }] = await ds.query(
      `INSERT INTO users (email, name, role) VALUES ('m@x.example', 'Maya', 'manager') RETURNING id`,
    );
    [{ id: repId }] = await ds.query(
      `INSERT INTO users (email, name, role) VALUES ('r@x.example', 'Riley', 'rep') RETURNING id`,
    );
    const [team] = await ds.query(
      `INSERT INTO teams (name, manager_id) VALUES ('Sales', $1) RETURNING id`,
      [managerId],
    );
    await ds.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [team.id, repId]);
    const [source] = await ds.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('s', 'S', 'h', 'p') RETURNING id`,
    );
    leadIds = [];
    for (let i = 0; i < 3; i++) {
      const [lead] = await ds.query(
        `INSERT INTO leads (source_id, name, email, received_at, owner_id, team_id) VALUES ($1, $2, 'l@x.example', now(), $3, $4) RETURNING id`,
        [source.id, `Lead ${i}`, repId, team.id],
      );
      leadIds.push(lead.id);
    }
  });
  afterAll(async () => {
    await mail.close();
    await db.drop();
  });

  const breach = (setAway: boolean, leadId: string, stepId = 'wait#1') => {
    const ports = {
      ...createTestPorts(db.dataSource, mail),
      breachPolicy: { flagAfter: 3, windowDays: 7, setAway },
    };
    const { recordBreach } = createHandoffActivities(ports);
    return new MockActivityEnvironment().run(recordBreach, {
      leadId,
      stepId,
      ownerId: repId,
      dueAt: new Date().toISOString(),
    });
  };
  const rep = async () =>
    (
      await db.dataSource.query(`SELECT status, flagged_at, flag_reason FROM users WHERE id = $1`, [
        repId,
      ])
    )[0];

  it('flags the rep on the third breach within the window, sets them away when the policy says so, and tells the manager', async () => {
    await breach(true, leadIds[0] as string);
    await breach(true, leadIds[1] as string);
    // A retried step is not a new breach.
    await breach(true, leadIds[1] as string);
    expect((await rep()).flagged_at).toBeNull();

    await breach(true, leadIds[2] as string);
    const flagged = await rep();
    expect(flagged.flag_reason).toBe('Missed the speed-to-lead SLA 3 times in 7 days');
    expect(flagged.status).toBe('away');
    const [event] = await db.dataSource.query(
      `SELECT data FROM lead_events WHERE lead_id = $1 AND type = 'breached'`,
      [leadIds[2]],
    );
    expect(event.data.flagged).toBe(true);
    const alerts = await db.dataSource.query(
      `SELECT kind, title FROM notifications WHERE user_id = $1`,
      [managerId],
    );
    expect(alerts).toEqual([{ kind: 'flagged', title: 'Riley was flagged' }]);
  });
});
