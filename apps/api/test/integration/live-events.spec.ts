import type { AddressInfo } from 'node:net';
import { LEAD_CHANGED_CHANNEL } from '@baton/db';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { type LiveEventStream, openLiveEventStream } from '../support/live-event-stream';
import { sessionCookieOf } from '../support/session-cookie';
import { waitUntil } from '../support/wait-until';
import { seedSource, seedTeam, seedUser, type TestUser } from '../support/seed-test-data';

describe('GET /api/v1/events (live lead updates)', () => {
  let t: ApiTestApp;
  let port: number;
  const streams: LiveEventStream[] = [];
  let people: Record<'admin' | 'manager1' | 'manager2' | 'repA' | 'repB', TestUser>;
  let teamB: string;
  let leads: Record<'ofRepA' | 'ofRepB' | 'teamB' | 'unrouted' | 'warmUp', string>;

  beforeAll(async () => {
    t = await startApiTestApp('live');
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    const ds = t.db.dataSource;
    people = {
      admin: await seedUser(ds, 'admin'),
      manager1: await seedUser(ds, 'manager'),
      manager2: await seedUser(ds, 'manager'),
      repA: await seedUser(ds, 'rep'),
      repB: await seedUser(ds, 'rep'),
    };
    const teamA = await seedTeam(ds, people.manager1.id, [people.repA.id]);
    teamB = await seedTeam(ds, people.manager2.id, [people.repB.id]);
    const source = await seedSource(ds);
    const lead = async (name: string, ownerId: string | null, teamId: string | null) => {
      const [row]: { id: string }[] = await ds.query(
        `INSERT INTO leads (source_id, name, received_at, owner_id, team_id, status)
         VALUES ($1, $2, now(), $3, $4, 'new') RETURNING id`,
        [source.id, name, ownerId, teamId],
      );
      if (!row) throw new Error(`lead ${name} was not stored`);
      return row.id;
    };
    leads = {
      ofRepA: await lead('Of rep A', people.repA.id, teamA),
      ofRepB: await lead('Of rep B', people.repB.id, null),
      teamB: await lead('Team B', null, teamB),
      unrouted: await lead('Nobody yet', null, null),
      warmUp: await lead('Nobody either', null, null),
    };
  });
  afterAll(async () => {
    for (const s of streams) s.request.destroy();
    await t.close();
  });

  const open = async (who: TestUser): Promise<LiveEventStream> => {
    const stream = await openLiveEventStream(port, await sessionCookieOf(t, who));
    streams.push(stream);
    return stream;
  };

  const notify = (leadId: string) =>
    t.db.dataSource.query(`SELECT pg_notify($1, $2)`, [LEAD_CHANGED_CHANNEL, leadId]);

  it('sends each person only the leads they may see, in order', async () => {
    const admin = await open(people.admin);
    const repA = await open(people.repA);
    const manager2 = await open(people.manager2);
    const manager1 = await open(people.manager1);
    const all = [admin, repA, manager2, manager1];

    // Streams are subscribed once they see an unrouted lead (everyone's) go by.
    const live = () => all.every((s) => s.leadIds.includes(leads.warmUp));
    for (let tries = 0; !live(); tries++) {
      if (tries === 50) throw new Error('the event streams never went live');
      await notify(leads.warmUp);
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const s of all) s.leadIds.length = 0;
    const seen = (s: LiveEventStream) => s.leadIds.filter((id) => id !== leads.warmUp);

    await notify(leads.ofRepB);
    await notify(leads.teamB);
    await notify(leads.ofRepA);
    // Events keep their order, so once this last one (everyone's) arrives, no other is coming.
    await notify(leads.unrouted);
    await waitUntil(() => all.every((s) => s.leadIds.includes(leads.unrouted)), 'the last event');

    expect(seen(admin)).toEqual([leads.ofRepB, leads.teamB, leads.ofRepA, leads.unrouted]);
    // A rep: their own lead, not another team's nor another rep's.
    expect(seen(repA)).toEqual([leads.ofRepA, leads.unrouted]);
    // A manager: leads of the team they manage, by the lead's team or its owner's.
    expect(seen(manager2)).toEqual([leads.ofRepB, leads.teamB, leads.unrouted]);
    expect(seen(manager1)).toEqual([leads.ofRepA, leads.unrouted]);

    // Rep A's lead moves to team B: rep A still hears of it (it knows the id, and its page must
    // drop the lead), but not of team B's other lead.
    await t.db.dataSource.query(`UPDATE leads SET owner_id = $2, team_id = $3 WHERE id = $1`, [
      leads.ofRepA,
      people.repB.id,
      teamB,
    ]);
    for (const s of all) s.leadIds.length = 0;
    await notify(leads.teamB);
    await notify(leads.ofRepA);
    await notify(leads.unrouted);
    await waitUntil(() => all.every((s) => s.leadIds.includes(leads.unrouted)), 'the last event');
    expect(seen(repA)).toEqual([leads.ofRepA, leads.unrouted]);
    expect(seen(manager2)).toEqual([leads.teamB, leads.ofRepA, leads.unrouted]);
  });

  it('still needs a session', async () => {
    await t.http().get('/api/v1/events').expect(401);
  });
});
