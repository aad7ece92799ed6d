import type { AddressInfo } from 'node:net';
import type { Alert, AlertList } from '@baton/api-contract';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { type LiveEventStream, openLiveEventStream } from '../support/live-event-stream';
import { sessionCookieOf } from '../support/session-cookie';
import { waitUntil } from '../support/wait-until';
import { seedSource, seedUser, type TestUser } from '../support/seed-test-data';

describe('alerts: a person reads, counts and acknowledges their own, live', () => {
  let t: ApiTestApp;
  let port: number;
  let rep: TestUser;
  let other: TestUser;
  let leadId: string;
  const streams: LiveEventStream[] = [];

  beforeAll(async () => {
    t = await startApiTestApp('alerts');
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    const ds = t.db.dataSource;
    rep = await seedUser(ds, 'rep');
    other = await seedUser(ds, 'manager');
    const source = await seedSource(ds);
    const [row]: { id: string }[] = await ds.query(
      `INSERT INTO leads (source_id, name, received_at, owner_id, status)
       VALUES ($1, 'Dana Patel', now(), $2, 'assigned') RETURNING id`,
      [source.id, rep.id],
    );
    if (!row) throw new Error('the lead was not stored');
    leadId = row.id;
  });
  afterAll(async () => {
    for (const s of streams) s.request.destroy();
    await t.close();
  });

  /** Written the way the worker writes them (one row per person and step). */
  const raise = async (
    who: TestUser,
    title: string,
    kind = 'reminder',
    createdAt?: string,
  ): Promise<string> => {
    const [row]: { id: string }[] = await t.db.dataSource.query(
      `INSERT INTO notifications (user_id, lead_id, step_id, kind, title, body, created_at)
       VALUES ($1, $2, $3, $4, $5, 'SLA due in 2 minutes', coalesce($6::timestamptz, now()))
       RETURNING id`,
      [who.id, leadId, `step-${title}`, kind, title, createdAt ?? null],
    );
    if (!row) throw new Error(`alert ${title} was not stored`);
    return row.id;
  };

  it('needs a session', async () => {
    await t.http().get('/api/v1/alerts').expect(401);
    await t.http().get('/api/v1/alerts/unread-count').expect(401);
    await t.http().post('/api/v1/alerts/acknowledge-all').expect(401);
  });

  it('lists only the person’s own unread alerts, newest first, with the lead they are about', async () => {
    const older = await raise(rep, 'Reminder 1', 'reminder', '2026-12-01T09:00:00Z');
    const newer = await raise(rep, 'Escalated', 'escalation', '2026-12-01T09:05:00Z');
    const theirs = await raise(other, 'Not yours', 'escalation', '2026-12-01T09:06:00Z');
    const { agent } = await t.signIn(rep.email, rep.password);

    const list = (await agent.get('/api/v1/alerts').expect(200)).body as AlertList;
    expect(list.items.map((a) => a.id)).toEqual([newer, older]);
    expect(list.items.map((a) => a.id)).not.toContain(theirs);
    expect(list.items[0]).toMatchObject({
      kind: 'escalation',
      title: 'Escalated',
      body: 'SLA due in 2 minutes',
      lead: { id: leadId, name: 'Dana Patel' },
      createdAt: '2026-12-01T09:05:00.000Z',
      acknowledgedAt: null,
    });
    expect((await agent.get('/api/v1/alerts/unread-count').expect(200)).body).toEqual({
      unread: 2,
    });
  });

  it('acknowledges one (once), refuses others’ alerts as missing, and keeps acknowledged ones under state=all', async () => {
    const { agent, csrf } = await t.signIn(rep.email, rep.password);
    const [first] = ((await agent.get('/api/v1/alerts').expect(200)).body as AlertList).items;
    if (!first) throw new Error('no unread alert to acknowledge');
    const before = (await agent.get('/api/v1/alerts/unread-count')).body.unread as number;

    const done = await agent
      .post(`/api/v1/alerts/${first.id}/acknowledge`)
      .set('x-csrf-token', csrf)
      .expect(200);
    expect(done.body.unread).toBe(before - 1);
    const acknowledgedAt = (done.body.alert as Alert).acknowledgedAt;
    expect(acknowledgedAt).not.toBeNull();

    // Again: same answer, the first time kept.
    const again = await agent
      .post(`/api/v1/alerts/${first.id}/acknowledge`)
      .set('x-csrf-token', csrf)
      .expect(200);
    expect(again.body.alert.acknowledgedAt).toBe(acknowledgedAt);

    const unread = ((await agent.get('/api/v1/alerts').expect(200)).body as AlertList).items;
    expect(unread.map((a) => a.id)).not.toContain(first.id);
    const all = ((await agent.get('/api/v1/alerts?state=all').expect(200)).body as AlertList).items;
    expect(all.find((a) => a.id === first.id)?.acknowledgedAt).toBe(acknowledgedAt);

    // Someone else's alert reads as missing; the row stays unacknowledged.
    const theirs = await raise(other, 'Still not yours');
    const missing = await agent
      .post(`/api/v1/alerts/${theirs}/acknowledge`)
      .set('x-csrf-token', csrf)
      .expect(404);
    expect(missing.body.message).toContain(theirs);
    const [row]: { acknowledged_at: Date | null }[] = await t.db.dataSource.query(
      `SELECT acknowledged_at FROM notifications WHERE id = $1`,
      [theirs],
    );
    expect(row?.acknowledged_at).toBeNull();

    // Without the CSRF header a session write is refused.
    await agent.post(`/api/v1/alerts/${theirs}/acknowledge`).expect(403);
  });

  it('answers 400 naming the field for a bad id, state, limit or cursor', async () => {
    const { agent, csrf } = await t.signIn(rep.email, rep.password);
    const badId = await agent
      .post('/api/v1/alerts/not-a-uuid/acknowledge')
      .set('x-csrf-token', csrf)
      .expect(400);
    expect(JSON.stringify(badId.body)).toContain('id');
    for (const [query, field] of [
      ['state=read', 'state'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['cursor=%25%25%25', 'cursor'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await agent.get(`/api/v1/alerts?${query}`).expect(400);
      expect(JSON.stringify(res.body.issues ?? res.body)).toContain(field);
    }
  });

  it('pages with a cursor without skipping alerts made in the same instant', async () => {
    const person = await seedUser(t.db.dataSource, 'rep');
    const sameInstant = '2026-12-02T10:00:00.123456Z';
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add(await raise(person, `Same ${i}`, 'reminder', sameInstant));
    ids.add(await raise(person, 'Earlier', 'reminder', '2026-12-02T09:00:00Z'));
    const { agent } = await t.signIn(person.email, person.password);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await agent.get(`/api/v1/alerts?limit=2${query}`).expect(200))
        .body as AlertList;
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    expect(new Set(seen)).toEqual(ids);
    expect(seen).toHaveLength(ids.size);
  });

  it('pushes a new alert and an acknowledgement to its owner’s event stream only, with the unread count', async () => {
    const mine = await openLiveEventStream(port, await sessionCookieOf(t, rep));
    const theirs = await openLiveEventStream(port, await sessionCookieOf(t, other));
    streams.push(mine, theirs);

    // The streams subscribe asynchronously: raise warm-up alerts until each has seen one.
    for (const [who, stream] of [
      [rep, mine],
      [other, theirs],
    ] as const) {
      for (let tries = 0; stream.alerts.length === 0; tries++) {
        if (tries === 50) throw new Error('the event stream never went live');
        await raise(who, `Warm-up for ${who.role} ${tries}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    // Each saw only their own warm-ups.
    expect(mine.alerts.every((e) => e.alert?.title.startsWith('Warm-up for rep'))).toBe(true);
    mine.alerts.length = 0;
    theirs.alerts.length = 0;

    const { agent, csrf } = await t.signIn(rep.email, rep.password);
    const unreadBefore = (await agent.get('/api/v1/alerts/unread-count')).body.unread as number;
    const id = await raise(rep, 'Nobody available', 'unhandled');
    await waitUntil(() => mine.alerts.some((e) => e.alert?.id === id), 'the new alert');
    const pushed = mine.alerts.find((e) => e.alert?.id === id);
    expect(pushed?.alert).toMatchObject({ kind: 'unhandled', title: 'Nobody available' });
    expect(pushed?.unread).toBe(unreadBefore + 1);

    await agent.post(`/api/v1/alerts/${id}/acknowledge`).set('x-csrf-token', csrf).expect(200);
    await waitUntil(
      () => mine.alerts.some((e) => e.alert?.id === id && e.alert.acknowledgedAt !== null),
      'the acknowledgement',
    );

    // Acknowledge all: one event per change, or a single reload event for many.
    const acknowledged = await agent
      .post('/api/v1/alerts/acknowledge-all')
      .set('x-csrf-token', csrf)
      .expect(200);
    expect(acknowledged.body.acknowledged).toBe(unreadBefore);
    await waitUntil(() => mine.alerts.at(-1)?.unread === 0, 'the count reaching 0');
    expect((await agent.get('/api/v1/alerts/unread-count')).body).toEqual({ unread: 0 });

    expect(theirs.alerts).toEqual([]);
  });
});
