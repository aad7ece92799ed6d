import type { CurrentUser, LeadActionResult, UserList } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeLeadDetail } from '../../test/make-lead-detail';
import { makeLeadEvent } from '../../test/make-lead-event';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { LeadPage } from './lead.page';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const rep: CurrentUser = {
  id: testUuid(2),
  name: 'Grace Hopper',
  email: 'grace.rep@example.com',
  role: 'rep',
};

const ok = (status = 'assigned', ownerId: string | null = testUuid(2)): LeadActionResult => ({
  ok: true,
  ownerId,
  status,
});

const reps: UserList = {
  items: [
    {
      id: testUuid(31),
      email: 'linus@example.com',
      name: 'Linus Torvalds',
      role: 'rep',
      status: 'available',
      outOfOfficeUntil: null,
      capacity: 20,
      weight: 1,
      skills: [],
      territories: ['EMEA'],
      scheduleId: null,
      teams: [{ id: testUuid(40), name: 'EMEA inbound' }],
      openLeads: 3,
      flag: null,
      canSignIn: true,
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-01-01T09:00:00.000Z',
    },
  ],
};

afterEach(() => {
  document.cookie = 'baton_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

function setup(
  options: { user?: CurrentUser; lead?: Parameters<typeof makeLeadDetail>[0] } = {},
  replies: Record<string, Response | (() => Response)> = {},
) {
  document.cookie = 'baton_csrf=csrf-123';
  const lead = makeLeadDetail(options.lead);
  const mocks = mockFetch({
    [`GET /api/v1/leads/${lead.id}`]: () => fakeResponse(200, lead),
    'GET /api/v1/users': fakeResponse(200, reps),
    ...Object.fromEntries(
      Object.entries(replies).map(([route, reply]) => [
        route.replace(':id', lead.id),
        typeof reply === 'function' ? reply : () => reply,
      ]),
    ),
  });
  const view = renderWithProviders(<LeadPage />, {
    path: '/leads/:leadId',
    url: `/leads/${lead.id}`,
    user: options.user ?? testManager,
  });
  return { lead, ...mocks, ...view };
}

async function actionBar() {
  return within(await screen.findByRole('region', { name: 'Lead actions' }));
}

function posts(requests: RecordedRequest[]) {
  return requests.filter((r) => r.method === 'POST');
}

function expectActionHeaders(request: RecordedRequest | undefined) {
  expect(request?.headers['X-CSRF-Token']).toBe('csrf-123');
  expect(request?.headers['Idempotency-Key']).toMatch(uuidPattern);
  expect(request?.headers['Content-Type']).toBe('application/json');
}

describe('LeadActions', () => {
  it('marks the lead contacted with {} and refetches the lead', async () => {
    const { lead, requests } = setup(
      { user: rep },
      { 'POST /api/v1/leads/:id/contacted': fakeResponse(200, ok('contacted')) },
    );
    const bar = await actionBar();

    const button = bar.getByRole('button', { name: 'Mark contacted' });
    expect(button.className).toContain('button-primary');
    fireEvent.click(button);

    expect(await bar.findByText('Marked as contacted.')).toBeTruthy();
    const [post] = posts(requests);
    expect(post?.url.pathname).toBe(`/api/v1/leads/${lead.id}/contacted`);
    expect(post?.body).toEqual({});
    expectActionHeaders(post);
    await waitFor(() =>
      expect(requests.filter((r) => r.url.pathname === `/api/v1/leads/${lead.id}`)).toHaveLength(2),
    );
  });

  it('sends a fresh Idempotency-Key for every click', async () => {
    const { requests } = setup(
      { user: rep },
      { 'POST /api/v1/leads/:id/contacted': fakeResponse(200, ok('contacted')) },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Mark contacted' }));
    await bar.findByText('Marked as contacted.');
    fireEvent.click(bar.getByRole('button', { name: 'Mark contacted' }));
    await waitFor(() => expect(posts(requests)).toHaveLength(2));

    const [first, second] = posts(requests);
    expect(first?.headers['Idempotency-Key']).not.toBe(second?.headers['Idempotency-Key']);
  });

  it('claims an unowned lead with an empty body', async () => {
    const { lead, requests } = setup(
      { user: rep, lead: { owner: null, status: 'routed', assignedAt: null } },
      { 'POST /api/v1/leads/:id/claim': fakeResponse(200, ok('assigned', rep.id)) },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Claim' }));

    expect(await bar.findByText('You own this lead now.')).toBeTruthy();
    const [post] = posts(requests);
    expect(post?.url.pathname).toBe(`/api/v1/leads/${lead.id}/claim`);
    expect(post?.body).toEqual({});
    expectActionHeaders(post);
  });

  it('lets the owner acknowledge their lead through the claim action, once', async () => {
    const { lead, requests } = setup(
      { user: rep },
      { 'POST /api/v1/leads/:id/claim': fakeResponse(200, ok('assigned', rep.id)) },
    );
    const bar = await actionBar();
    expect(bar.queryByRole('button', { name: 'Claim' })).toBeNull();

    fireEvent.click(bar.getByRole('button', { name: 'Acknowledge' }));

    expect(
      await bar.findByText('Acknowledged: nobody else is reminded about this lead.'),
    ).toBeTruthy();
    const [post] = posts(requests);
    expect(post?.url.pathname).toBe(`/api/v1/leads/${lead.id}/claim`);
    expect(post?.body).toEqual({});
  });

  it('offers no Acknowledge once the owner has acknowledged', async () => {
    const base = makeLeadDetail();
    setup({
      user: rep,
      lead: {
        timeline: [
          ...base.timeline,
          makeLeadEvent({
            type: 'acknowledged',
            actor: { type: 'user', id: rep.id, name: rep.name },
            summary: 'Acknowledged by Grace Hopper · 1 min after it arrived',
          }),
        ],
      },
    });
    const bar = await actionBar();
    expect(bar.getByRole('button', { name: 'Mark contacted' })).toBeTruthy();
    expect(bar.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });

  it("shows the workflow's 409 message inline and lets the user try again", async () => {
    setup(
      { user: rep, lead: { owner: { id: testUuid(77), name: 'Alan Turing' } } },
      {
        'POST /api/v1/leads/:id/claim': fakeResponse(409, {
          statusCode: 409,
          error: 'Conflict',
          message: 'Someone else owns this lead',
        }),
      },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Claim' }));

    expect((await bar.findByRole('alert')).textContent).toBe('Someone else owns this lead');
    expect(bar.getByRole('button', { name: 'Claim' })).toHaveProperty('disabled', false);
  });

  it('shows the 503 message inline', async () => {
    setup(
      { user: rep },
      {
        'POST /api/v1/leads/:id/contacted': fakeResponse(503, {
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'The workflow service is unavailable: try again in a moment',
        }),
      },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Mark contacted' }));

    expect((await bar.findByRole('alert')).textContent).toMatch(/try again in a moment/);
  });

  it('disables the actions while one is pending', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { requests } = setup(
      { user: rep },
      {
        'POST /api/v1/leads/:id/contacted': (() =>
          new Promise<Response>((resolve) => (answer = resolve))) as unknown as () => Response,
      },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Mark contacted' }));

    await waitFor(() =>
      expect(bar.getByRole('button', { name: 'Mark contacted' })).toHaveProperty('disabled', true),
    );
    expect(bar.getByRole('button', { name: 'Add note' })).toHaveProperty('disabled', true);
    expect(bar.getByText('Sending…')).toBeTruthy();
    answer(fakeResponse(200, ok('contacted')));
    await bar.findByText('Marked as contacted.');
    expect(posts(requests)).toHaveLength(1);
  });

  it('adds a note with its trimmed text', async () => {
    const { lead, requests } = setup(
      { user: rep },
      { 'POST /api/v1/leads/:id/notes': fakeResponse(200, ok()) },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Add note' }));
    fireEvent.click(bar.getByRole('button', { name: 'Save note' }));
    expect(bar.getByText('Write a note.')).toBeTruthy();
    expect(posts(requests)).toHaveLength(0);

    fireEvent.change(bar.getByLabelText('Note'), { target: { value: '  Left a voicemail  ' } });
    fireEvent.click(bar.getByRole('button', { name: 'Save note' }));

    expect(await bar.findByText('Note added.')).toBeTruthy();
    const [post] = posts(requests);
    expect(post?.url.pathname).toBe(`/api/v1/leads/${lead.id}/notes`);
    expect(post?.body).toEqual({ text: 'Left a voicemail' });
    expectActionHeaders(post);
    expect(bar.queryByLabelText('Note')).toBeNull();
  });

  it('disqualifies with a reason after the confirm step', async () => {
    const { lead, requests } = setup(
      {},
      { 'POST /api/v1/leads/:id/disqualify': fakeResponse(200, ok('disqualified')) },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Disqualify' }));
    expect(posts(requests)).toHaveLength(0);
    fireEvent.change(bar.getByLabelText('Reason'), { target: { value: 'Student project' } });
    fireEvent.click(bar.getByRole('button', { name: 'Disqualify lead' }));

    expect(await bar.findByText('Lead disqualified.')).toBeTruthy();
    const [post] = posts(requests);
    expect(post?.url.pathname).toBe(`/api/v1/leads/${lead.id}/disqualify`);
    expect(post?.body).toEqual({ reason: 'Student project' });
    expectActionHeaders(post);
  });

  it('reassigns to a chosen rep', async () => {
    const { lead, requests } = setup(
      {},
      { 'POST /api/v1/leads/:id/reassign': fakeResponse(200, ok('assigned', testUuid(31))) },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Reassign' }));
    await bar.findByRole('option', { name: /Linus Torvalds/ });
    fireEvent.change(bar.getByLabelText('Hand to'), { target: { value: testUuid(31) } });
    fireEvent.change(bar.getByLabelText('Reason'), { target: { value: 'Grace is out sick' } });
    fireEvent.click(bar.getByRole('button', { name: 'Reassign lead' }));

    expect(await bar.findByText('Reassignment sent.')).toBeTruthy();
    const [post] = posts(requests);
    expect(post?.url.pathname).toBe(`/api/v1/leads/${lead.id}/reassign`);
    expect(post?.body).toEqual({ toUserId: testUuid(31), reason: 'Grace is out sick' });
    expectActionHeaders(post);
    expect(requests.find((r) => r.url.pathname === '/api/v1/users')?.url.search).toBe('?role=rep');
  });

  it('reassigns to the next eligible person with toUserId null', async () => {
    const { requests } = setup({}, { 'POST /api/v1/leads/:id/reassign': fakeResponse(200, ok()) });
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Reassign' }));
    fireEvent.change(bar.getByLabelText('Reason'), { target: { value: 'Rebalance' } });
    fireEvent.click(bar.getByRole('button', { name: 'Reassign lead' }));

    await bar.findByText('Reassignment sent.');
    expect(posts(requests)[0]?.body).toEqual({ toUserId: null, reason: 'Rebalance' });
  });

  it('shows a 403 message inline', async () => {
    setup(
      {},
      {
        'POST /api/v1/leads/:id/reassign': fakeResponse(403, {
          statusCode: 403,
          error: 'Forbidden',
          message: 'Only managers of this team can reassign this lead',
        }),
      },
    );
    const bar = await actionBar();

    fireEvent.click(bar.getByRole('button', { name: 'Reassign' }));
    fireEvent.change(bar.getByLabelText('Reason'), { target: { value: 'Rebalance' } });
    fireEvent.click(bar.getByRole('button', { name: 'Reassign lead' }));

    expect((await bar.findByRole('alert')).textContent).toBe(
      'Only managers of this team can reassign this lead',
    );
    expect(bar.getByLabelText('Reason')).toBeTruthy();
  });

  it('hides Reassign from reps, and Disqualify on leads they do not own', async () => {
    setup({ user: { ...rep, id: testUuid(55) } });
    const bar = await actionBar();

    expect(bar.getByRole('button', { name: 'Mark contacted' }).className).not.toContain(
      'button-primary',
    );
    expect(bar.getByRole('button', { name: 'Claim' })).toBeTruthy();
    expect(bar.queryByRole('button', { name: 'Reassign' })).toBeNull();
    expect(bar.queryByRole('button', { name: 'Disqualify' })).toBeNull();
  });

  it('offers only a note on a lead that is already closed', async () => {
    setup({
      lead: { status: 'disqualified', firstContactAt: null },
    });
    const bar = await actionBar();

    expect(bar.getAllByRole('button').map((b) => b.textContent)).toEqual(['Add note']);
  });
});
