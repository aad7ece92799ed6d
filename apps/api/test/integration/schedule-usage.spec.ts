import type TestAgent from 'supertest/lib/agent';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser } from '../support/seed-test-data';

interface Session {
  agent: TestAgent;
  csrf: string;
}
const post = (s: Session, url: string, body: object) =>
  s.agent.post(url).set('X-CSRF-Token', s.csrf).send(body);

const weekday = [{ start: '09:00', end: '17:00' }];
const clinicHours = {
  name: 'Clinic hours',
  timeZone: 'Europe/London',
  weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  holidays: ['2026-12-25', '2026-12-28'],
  holidayNames: { '2026-12-25': 'Christmas Day' },
};

// What the schedules page shows beside the hours: holiday names, and who follows the schedule.
describe('schedules API: holiday names and what uses a schedule', () => {
  let t: ApiTestApp;
  let asManager: Session;

  beforeAll(async () => {
    t = await startApiTestApp('schedule-usage');
    const manager = await seedUser(t.db.dataSource, 'manager', 'Max Manager');
    asManager = await t.signIn(manager.email, manager.password);
  });
  afterAll(() => t.close());

  it('keeps holiday names beside the dates, and refuses a name for a date that is no holiday', async () => {
    const created = await post(asManager, '/api/v1/schedules', clinicHours).expect(201);
    expect(created.body).toMatchObject({
      holidays: ['2026-12-25', '2026-12-28'],
      holidayNames: { '2026-12-25': 'Christmas Day' },
      usedBy: { users: 0, teams: 0, teamNames: [], flows: [] },
    });
    const stray = await post(asManager, '/api/v1/schedules', {
      ...clinicHours,
      holidayNames: { '2026-12-26': 'Boxing Day' },
    }).expect(400);
    expect(stray.body.issues).toContainEqual({
      path: 'holidayNames.2026-12-26',
      message: '2026-12-26 is not one of the holidays',
    });
    // Without names (as before they existed) a schedule still saves, with none.
    const { holidayNames: _names, ...unnamed } = clinicHours;
    const plain = await post(asManager, '/api/v1/schedules', { ...unnamed, name: 'Plain' });
    expect(plain.status).toBe(201);
    expect(plain.body.holidayNames).toEqual({});
  });

  it('refuses overlapping openings on a day, naming the opening', async () => {
    const res = await post(asManager, '/api/v1/schedules', {
      ...clinicHours,
      weekly: {
        mon: [
          { start: '09:00', end: '13:00' },
          { start: '12:30', end: '17:00' },
        ],
      },
    }).expect(400);
    expect(res.body.issues).toContainEqual({
      path: 'weekly.mon.1.start',
      message: 'overlaps 09:00–13:00; join them into one opening',
    });
  });

  it('names the teams and flows that use a schedule, and the refusal to delete names them too', async () => {
    const db = t.db.dataSource;
    const schedule = await post(asManager, '/api/v1/schedules', {
      ...clinicHours,
      name: 'Used',
    }).expect(201);
    const id: string = schedule.body.id;
    await db.query(
      `INSERT INTO teams (name, schedule_id) VALUES ('Front desk', $1), ('Billing', $1)`,
      [id],
    );
    const graph = {
      nodes: [
        {
          id: 'w',
          type: 'wait_for_contact',
          data: { config: { sla: { minutes: 15, mode: 'business', scheduleId: id } } },
        },
      ],
      edges: [],
    };
    await db.query(`INSERT INTO flows (name, draft_graph) VALUES ('Inbound', $1)`, [
      JSON.stringify(graph),
    ]);

    const list = await asManager.agent.get('/api/v1/schedules').expect(200);
    const used = list.body.items.find((s: { id: string }) => s.id === id);
    expect(used.usedBy).toEqual({
      users: 0,
      teams: 2,
      teamNames: ['Billing', 'Front desk'],
      flows: ['Inbound'],
    });
    const unused = list.body.items.find((s: { name: string }) => s.name === 'Plain');
    expect(unused.usedBy).toEqual({ users: 0, teams: 0, teamNames: [], flows: [] });

    const refused = await asManager.agent
      .delete(`/api/v1/schedules/${id}`)
      .set('X-CSRF-Token', asManager.csrf)
      .expect(409);
    expect(refused.body.message).toBe(
      '"Used" is used by team "Billing", "Front desk", flow "Inbound"; move them to another schedule first',
    );
  });
});
