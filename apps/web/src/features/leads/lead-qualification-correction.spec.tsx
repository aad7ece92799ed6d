import type { CurrentUser, LeadDetail, QualificationCorrectionView } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeLeadDetail } from '../../test/make-lead-detail';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { LeadPage } from './lead.page';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const rep: CurrentUser = {
  id: testUuid(3),
  name: 'Dana Scully',
  email: 'dana@example.com',
  role: 'rep',
};

const correction = (
  over: Partial<QualificationCorrectionView> = {},
): QualificationCorrectionView => ({
  id: testUuid(60),
  class: 'cold',
  previousClass: 'hot',
  note: 'Student project',
  correctedBy: { id: rep.id, name: rep.name },
  createdAt: '2026-03-10T12:00:00.000Z',
  ...over,
});

afterEach(() => {
  document.cookie = 'baton_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

/** The lead page with the lead as given; after a POST, the lead comes back as `after`. */
function setup(lead: LeadDetail, reply: () => Response, after: Partial<LeadDetail> = {}) {
  document.cookie = 'baton_csrf=csrf-123';
  let posted = false;
  const mocks = mockFetch({
    [`GET /api/v1/leads/${lead.id}`]: () =>
      fakeResponse(200, posted ? { ...lead, ...after } : lead),
    [`POST /api/v1/leads/${lead.id}/qualification/corrections`]: () => {
      posted = true;
      return reply();
    },
  });
  renderWithProviders(<LeadPage />, {
    path: '/leads/:leadId',
    url: `/leads/${lead.id}`,
    user: rep,
  });
  return mocks;
}

async function card() {
  return within(await screen.findByRole('region', { name: 'Qualification' }));
}

const posts = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'POST');

describe('LeadQualificationCorrection', () => {
  it.each([
    [{ score: 82, spam: false }, 'Hot'],
    [{ score: 55, spam: false }, 'Warm'],
    [{ score: 12, spam: false }, 'Cold'],
    [{ score: 90, spam: true }, 'Spam'],
  ])('shows the class of %j as %s', async (qualification, label) => {
    setup(makeLeadDetail({ qualification }), () => fakeResponse(500));
    const c = await card();
    expect(c.getByText('Class').parentElement?.textContent).toBe(`Class${label}`);
  });

  it('corrects the class with a trimmed note, then shows the stored correction', async () => {
    const lead = makeLeadDetail();
    const stored = correction({ note: 'Student project' });
    const { requests } = setup(lead, () => fakeResponse(201, stored), {
      qualificationCorrection: stored,
    });
    const c = await card();
    const toggle = c.getByRole('button', { name: 'Correct qualification' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const form = within(c.getByRole('form', { name: 'Correct qualification' }));
    // Keyboard users land on the choices: the first radio has focus.
    expect(document.activeElement).toBe(form.getByRole('radio', { name: /Hot/ }));

    fireEvent.click(form.getByRole('button', { name: 'Save correction' }));
    expect(form.getByText('Choose the class this lead really is.')).toBeTruthy();
    expect(posts(requests)).toHaveLength(0);

    fireEvent.click(form.getByRole('radio', { name: /Cold/ }));
    fireEvent.change(form.getByLabelText('Note (optional)'), {
      target: { value: '  Student project  ' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Save correction' }));

    expect(await c.findByText('Correction saved.')).toBeTruthy();
    const [post] = posts(requests);
    expect(post?.url.pathname).toBe(`/api/v1/leads/${lead.id}/qualification/corrections`);
    expect(post?.body).toEqual({ class: 'cold', note: 'Student project' });
    expect(post?.headers['X-CSRF-Token']).toBe('csrf-123');
    expect(post?.headers['Idempotency-Key']).toMatch(uuidPattern);
    expect(c.queryByRole('form', { name: 'Correct qualification' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(c.getByText(/^Corrected to/).textContent).toBe(
      'Corrected to Cold by Dana Scully · Student project',
    );
  });

  it('sends no note when the note is blank', async () => {
    const { requests } = setup(makeLeadDetail(), () =>
      fakeResponse(201, correction({ class: 'spam', note: null })),
    );
    const c = await card();
    fireEvent.click(c.getByRole('button', { name: 'Correct qualification' }));
    fireEvent.click(c.getByRole('radio', { name: /Spam/ }));
    fireEvent.change(c.getByLabelText('Note (optional)'), { target: { value: '   ' } });
    fireEvent.click(c.getByRole('button', { name: 'Save correction' }));
    await c.findByText('Correction saved.');
    expect(posts(requests)[0]?.body).toEqual({ class: 'spam' });
  });

  it('refuses a note over 500 characters before sending', async () => {
    const { requests } = setup(makeLeadDetail(), () => fakeResponse(201, correction()));
    const c = await card();
    fireEvent.click(c.getByRole('button', { name: 'Correct qualification' }));
    fireEvent.click(c.getByRole('radio', { name: /Warm/ }));
    const note = c.getByLabelText('Note (optional)');
    fireEvent.change(note, { target: { value: 'x'.repeat(501) } });
    fireEvent.click(c.getByRole('button', { name: 'Save correction' }));
    expect(c.getByText('Keep the note under 500 characters.')).toBeTruthy();
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(posts(requests)).toHaveLength(0);
  });

  it("shows the server's 400 next to the field it names and keeps the form open", async () => {
    setup(makeLeadDetail(), () =>
      fakeResponse(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'note: Too long',
        issues: [{ path: 'note', message: 'Too long' }],
      }),
    );
    const c = await card();
    fireEvent.click(c.getByRole('button', { name: 'Correct qualification' }));
    fireEvent.click(c.getByRole('radio', { name: /Hot/ }));
    fireEvent.click(c.getByRole('button', { name: 'Save correction' }));

    expect((await c.findByRole('alert')).textContent).toBe('note: Too long');
    expect(c.getByText('Too long')).toBeTruthy();
    expect(c.getByLabelText('Note (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(c.getByRole('button', { name: 'Save correction' })).toHaveProperty('disabled', false);
    expect(c.getByRole('status').textContent).toBe('');
  });

  it('shows a 404 as an error, and Cancel closes the form', async () => {
    setup(makeLeadDetail(), () =>
      fakeResponse(404, { statusCode: 404, error: 'Not Found', message: 'Lead does not exist' }),
    );
    const c = await card();
    fireEvent.click(c.getByRole('button', { name: 'Correct qualification' }));
    fireEvent.click(c.getByRole('radio', { name: /Cold/ }));
    fireEvent.click(c.getByRole('button', { name: 'Save correction' }));
    expect((await c.findByRole('alert')).textContent).toBe('Lead does not exist');
    fireEvent.click(c.getByRole('button', { name: 'Cancel' }));
    expect(c.queryByRole('form', { name: 'Correct qualification' })).toBeNull();
  });

  it('shows the latest correction and starts the form on its class', async () => {
    setup(
      makeLeadDetail({ qualificationCorrection: correction({ class: 'warm', note: null }) }),
      () => fakeResponse(201, correction()),
    );
    const c = await card();
    expect(c.getByText(/^Corrected to/).textContent).toBe('Corrected to Warm by Dana Scully');
    fireEvent.click(c.getByRole('button', { name: 'Correct qualification' }));
    const warm = c.getByRole('radio', { name: /Warm/ });
    expect(warm).toHaveProperty('checked', true);
    await waitFor(() => expect(document.activeElement).toBe(warm));
  });
});
