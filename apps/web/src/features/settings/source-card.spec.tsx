import type { CurrentUser, SourceSigning, SourceView } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeFlowList } from '../../test/make-flow';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { SourcesPage } from './sources.page';

const admin: CurrentUser = { ...testManager, role: 'admin', name: 'Ada Admin' };
const website: SourceView = {
  id: testUuid(700),
  slug: 'website',
  name: 'Website contact form',
  apiKeyPrefix: 'bat_abcd',
  allowedOrigins: ['https://www.example-dental.com'],
  thankYouUrl: null,
  flowId: testUuid(500),
  active: true,
  createdAt: '2026-11-01T10:00:00.000Z',
};
const signingOff: SourceSigning = {
  sourceId: website.id,
  signatureRequired: false,
  signingKeyVersion: 0,
  signingAvailable: true,
};
const base = `/api/v1/sources/${website.id}`;

function routes(extra: Record<string, Parameters<typeof mockFetch>[0][string]> = {}) {
  return mockFetch({
    'GET /api/v1/sources': fakeResponse(200, { items: [website] }),
    'GET /api/v1/flows': fakeResponse(200, makeFlowList()),
    [`GET ${base}/signing`]: fakeResponse(200, signingOff),
    ...extra,
  });
}

async function card() {
  return screen.findByRole('article', { name: 'Website contact form' });
}

describe('SourceCard: editing a source', () => {
  it('changes the name, flow, websites and thank-you page in one PATCH', async () => {
    let patch: RecordedRequest | undefined;
    routes({
      [`PATCH ${base}`]: (request) => {
        patch = request;
        return fakeResponse(200, { ...website, name: 'Practice website' });
      },
    });
    renderWithProviders(<SourcesPage />, { user: admin });
    fireEvent.click(within(await card()).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Website contact form' });
    fireEvent.change(within(form).getByLabelText('Name'), {
      target: { value: 'Practice website' },
    });
    fireEvent.change(within(form).getByLabelText('Routes leads with'), {
      target: { value: testUuid(502) },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a website' }));
    fireEvent.change(within(form).getByLabelText('Website 2'), {
      target: { value: 'https://book.example-dental.com/form' },
    });
    // The bad origin is named as it is typed, and nothing is sent while it is there.
    const problem =
      '"https://book.example-dental.com/form" must be an origin only (scheme://host[:port]), without a path, query or fragment';
    expect(within(form).getByText(problem)).toBeTruthy();
    expect(within(form).getByLabelText('Website 2').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect((await within(form).findByRole('alert')).textContent).toContain(problem);
    expect(patch).toBeUndefined();

    fireEvent.change(within(form).getByLabelText('Website 2'), {
      target: { value: 'https://book.example-dental.com' },
    });
    fireEvent.change(within(form).getByLabelText('Thank-you page'), {
      target: { value: 'https://www.example-dental.com/thanks' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(patch?.body).toEqual({
      name: 'Practice website',
      flowId: testUuid(502),
      allowedOrigins: ['https://www.example-dental.com', 'https://book.example-dental.com'],
      thankYouUrl: 'https://www.example-dental.com/thanks',
    });
  });

  it('removes a website, and shows the API’s refusal next to the entry it names', async () => {
    routes({
      [`PATCH ${base}`]: fakeResponse(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'allowedOrigins.0: "ftp://files.example" must start with http:// or https://',
        issues: [
          { path: 'allowedOrigins.0', message: '"ftp://files.example" must start with http://' },
        ],
      }),
    });
    renderWithProviders(<SourcesPage />, { user: admin });
    fireEvent.click(within(await card()).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Website contact form' });
    fireEvent.click(
      within(form).getByRole('button', { name: 'Remove website https://www.example-dental.com' }),
    );
    expect(within(form).getByText('No websites yet: API use only.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add a website' }));
    fireEvent.change(within(form).getByLabelText('Website 1'), {
      target: { value: 'https://files.example' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(
      await within(form).findByText('"ftp://files.example" must start with http://'),
    ).toBeTruthy();
    expect(within(form).getByLabelText('Website 1').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('SourceCard: request signing', () => {
  it('turns signing on and shows the secret once, with how to sign', async () => {
    let enable: RecordedRequest | undefined;
    routes({
      [`POST ${base}/signing`]: (request) => {
        enable = request;
        return fakeResponse(200, {
          ...signingOff,
          signatureRequired: true,
          signingKeyVersion: 1,
          signingSecret: 'a'.repeat(64),
        });
      },
    });
    renderWithProviders(<SourcesPage />, { user: admin });
    const c = await card();
    expect((await within(c).findByTestId('signing-state')).textContent).toContain('Off');
    fireEvent.click(within(c).getByRole('button', { name: 'Require signed requests' }));

    expect((await within(c).findByTestId('source-signing-secret')).textContent).toBe(
      'a'.repeat(64),
    );
    expect(enable?.body).toEqual({ required: true });
    expect(within(c).getByTestId('signing-state').textContent).toContain('401');
    const curl = within(c).getByTestId('curl-signing-snippet').textContent ?? '';
    expect(curl).toContain(`curl -X POST ${window.location.origin}/api/v1/leads`);
    expect(curl).toContain(`printf '%s.%s' "$T" "$BODY"`);
    expect(curl).toContain('X-Baton-Signature: t=$T,v1=$SIG');
    expect(c.textContent).toContain("createHmac('sha256', process.env.BATON_SIGNING_SECRET)");

    fireEvent.click(within(c).getByRole('button', { name: 'I have stored the secret' }));
    expect(within(c).queryByTestId('source-signing-secret')).toBeNull();
    expect(within(c).getByRole('button', { name: 'Rotate signing secret' })).toBeTruthy();
  });

  it('rotates the secret and turns signing off, each after a confirmation', async () => {
    const on = { ...signingOff, signatureRequired: true, signingKeyVersion: 1 };
    let off: RecordedRequest | undefined;
    routes({
      [`GET ${base}/signing`]: fakeResponse(200, on),
      [`POST ${base}/signing/rotate`]: fakeResponse(200, {
        ...on,
        signingKeyVersion: 2,
        signingSecret: 'b'.repeat(64),
      }),
      [`POST ${base}/signing`]: (request) => {
        off = request;
        return fakeResponse(200, { ...on, signatureRequired: false, signingKeyVersion: 2 });
      },
    });
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true);
    renderWithProviders(<SourcesPage />, { user: admin });
    const c = await card();
    const rotate = await within(c).findByRole('button', { name: 'Rotate signing secret' });
    fireEvent.click(rotate); // declined: nothing happens
    expect(within(c).queryByTestId('source-signing-secret')).toBeNull();
    fireEvent.click(rotate);
    expect((await within(c).findByTestId('source-signing-secret')).textContent).toBe(
      'b'.repeat(64),
    );
    fireEvent.click(within(c).getByRole('button', { name: 'Stop requiring signatures' }));
    await within(c).findByRole('button', { name: 'Require signed requests' });
    expect(off?.body).toEqual({ required: false });
    expect(within(c).getByTestId('signing-state').textContent).toContain('Off');
    expect(confirm).toHaveBeenCalledTimes(3);
    confirm.mockRestore();
  });

  it('says what the server needs when it has no signing key', async () => {
    routes({
      [`GET ${base}/signing`]: fakeResponse(200, { ...signingOff, signingAvailable: false }),
    });
    renderWithProviders(<SourcesPage />, { user: admin });
    const c = await card();
    const enable = await within(c).findByRole('button', { name: 'Require signed requests' });
    expect(enable.hasAttribute('disabled')).toBe(true);
    expect(c.textContent).toContain('BATON_SIGNING_KEY');
  });

  it('shows a manager the signing state but no way to change it or the source', async () => {
    routes({
      [`GET ${base}/signing`]: fakeResponse(200, { ...signingOff, signatureRequired: true }),
    });
    renderWithProviders(<SourcesPage />);
    const c = await card();
    expect((await within(c).findByTestId('signing-state')).textContent).toContain('On');
    expect(within(c).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(c).queryByRole('button', { name: 'Rotate signing secret' })).toBeNull();
    expect(within(c).queryByRole('button', { name: 'Stop requiring signatures' })).toBeNull();
    expect(c.textContent).not.toContain('BATON_SIGNING_KEY');
  });
});
