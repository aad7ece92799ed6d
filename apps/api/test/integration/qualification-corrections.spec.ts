import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedTeam, seedUser, type TestUser } from '../support/seed-test-data';

const qualification = {
  score: 22,
  intent: 'researching',
  urgency: 'low',
  budget: 'unknown',
  spam: false,
  summary: 'Asks what the product does.',
  reasons: ['No budget or timeline'],
  method: 'heuristic',
};

describe('POST /api/v1/leads/:id/qualification/corrections', () => {
  let t: ApiTestApp;
  let owner: TestUser;
  let teammate: TestUser;
  let outsider: TestUser;
  let leadId: string;

  beforeAll(async () => {
    t = await startApiTestApp('corrections');
    const ds = t.db.dataSource;
    const manager = await seedUser(ds, 'manager');
    owner = await seedUser(ds, 'rep', 'Grace Hopper');
    teammate = await seedUser(ds, 'rep', 'Dana Scully');
    outsider = await seedUser(ds, 'rep', 'Fox Mulder');
    const team = await seedTeam(ds, manager.id, [owner.id, teammate.id]);
    await seedTeam(ds, manager.id, [outsider.id]);
    const source = await seedSource(ds);
    const [lead] = await ds.query(
      `INSERT INTO leads (source_id, name, email, received_at, owner_id, team_id, status, qualification)
       VALUES ($1, 'Ada', 'ada@example.com', now(), $2, $3, 'assigned', $4) RETURNING id`,
      [source.id, owner.id, team, JSON.stringify(qualification)],
    );
    leadId = lead.id;
  });
  afterAll(() => t.close());

  const post = async (who: TestUser, body: object, id = leadId, key?: string) => {
    const { agent, csrf } = await t.signIn(who.email, who.password);
    const req = agent
      .post(`/api/v1/leads/${id}/qualification/corrections`)
      .set('X-CSRF-Token', csrf);
    return key ? req.set('Idempotency-Key', key).send(body) : req.send(body);
  };
  const rows = () =>
    t.db.dataSource.query(
      `SELECT class, note, qualification, corrected_by_id FROM qualification_corrections WHERE lead_id = $1 ORDER BY created_at`,
      [leadId],
    );

  it('stores a teammate’s correction with the qualification it corrected, and shows it on the lead', async () => {
    const res = await post(teammate, { class: 'hot', note: '  Asked for a quote on the phone ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      class: 'hot',
      previousClass: 'cold',
      note: 'Asked for a quote on the phone',
      correctedBy: { id: teammate.id, name: 'Dana Scully' },
      createdAt: expect.any(String),
    });
    expect(await rows()).toEqual([
      {
        class: 'hot',
        note: 'Asked for a quote on the phone',
        qualification,
        corrected_by_id: teammate.id,
      },
    ]);

    const { agent } = await t.signIn(owner.email, owner.password);
    const detail = await agent.get(`/api/v1/leads/${leadId}`).expect(200);
    expect(detail.body.qualificationCorrection).toEqual(res.body);
    // The lead's own qualification is what the qualifier said; the correction sits beside it.
    expect(detail.body.qualification).toEqual(qualification);
    const event = detail.body.timeline.find(
      (e: { type: string }) => e.type === 'qualification_corrected',
    );
    expect(event).toMatchObject({
      actor: { type: 'user', id: teammate.id, name: 'Dana Scully' },
      summary: 'Corrected to hot by Dana Scully: Asked for a quote on the phone',
      data: {
        correctionId: res.body.id,
        class: 'hot',
        previousClass: 'cold',
        previousScore: 22,
        note: 'Asked for a quote on the phone',
      },
    });
  });

  it('shows the latest correction, and stores a missing or blank note as none', async () => {
    const res = await post(owner, { class: 'warm', note: '   ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ class: 'warm', note: null });
    const { agent } = await t.signIn(teammate.email, teammate.password);
    const detail = await agent.get(`/api/v1/leads/${leadId}`).expect(200);
    expect(detail.body.qualificationCorrection).toMatchObject({
      id: res.body.id,
      class: 'warm',
      correctedBy: { id: owner.id, name: 'Grace Hopper' },
    });
    const summaries = detail.body.timeline
      .filter((e: { type: string }) => e.type === 'qualification_corrected')
      .map((e: { summary: string }) => e.summary);
    expect(summaries).toEqual([
      'Corrected to hot by Dana Scully: Asked for a quote on the phone',
      'Corrected to warm by Grace Hopper',
    ]);
  });

  it.each([
    ['an unknown class', { class: 'lukewarm' }, 'class'],
    ['no class', { note: 'Spam bot' }, 'class'],
    ['a note over 500 characters', { class: 'spam', note: 'x'.repeat(501) }, 'note'],
    ['a note that is not text', { class: 'spam', note: 42 }, 'note'],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const before = (await rows()).length;
    const res = await post(teammate, body);
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual([field]);
    expect((await rows()).length).toBe(before);
  });

  it('answers 400 for an unknown field and a malformed lead id', async () => {
    const extra = await post(teammate, { class: 'cold', score: 10 });
    expect(extra.status).toBe(400);
    const badId = await post(teammate, { class: 'cold' }, 'not-a-uuid');
    expect(badId.status).toBe(400);
    // A path parameter's issue has no path; its message names it.
    expect(badId.body.issues[0].message).toBe('id must be a lead id (uuid)');
  });

  it('answers 404 for a lead of another team, as for one that does not exist', async () => {
    const before = (await rows()).length;
    const hidden = await post(outsider, { class: 'spam', note: 'Looks fake' });
    expect(hidden.status).toBe(404);
    const unknown = await post(teammate, { class: 'spam' }, '3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60');
    expect(unknown.status).toBe(404);
    expect(hidden.body.message).toBe(`Lead ${leadId} does not exist`);
    expect((await rows()).length).toBe(before);
  });

  it('stores one correction for a retry with the same Idempotency-Key', async () => {
    const before = (await rows()).length;
    const first = await post(teammate, { class: 'spam', note: 'Bot' }, leadId, 'corr-1');
    const again = await post(teammate, { class: 'spam', note: 'Bot' }, leadId, 'corr-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await rows()).length).toBe(before + 1);
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM lead_events WHERE lead_id = $1 AND data->>'correctionId' = $2`,
      [leadId, first.body.id],
    );
    expect(n).toBe(1);
  });

  it('describes the correction route from the contract’s schemas', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const op = doc.body.paths['/api/v1/leads/{id}/qualification/corrections']?.post;
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '404']));
    expect(JSON.stringify(op.requestBody)).toContain('QualificationCorrection');
    expect(JSON.stringify(op.responses['201'])).toContain('QualificationCorrectionView');
  });
});
