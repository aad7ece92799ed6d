import type { SchedulePreview, ScheduleView } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { SchedulesPage } from './schedules.page';

const nine = [{ start: '09:00', end: '17:00' }];
const office: ScheduleView = {
  id: testUuid(40),
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  weekly: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
  holidays: ['2026-12-25'],
  holidayNames: { '2026-12-25': 'Christmas Day' },
  usedBy: { users: 0, teams: 1, teamNames: ['Front desk'], flows: ['Inbound'] },
  createdAt: '2026-11-01T10:00:00.000Z',
};
// Monday 21 to Sunday 27 December in Berlin (UTC+1); the 25th is a holiday.
const preview: SchedulePreview = {
  scheduleId: office.id,
  timeZone: 'Europe/Berlin',
  from: '2026-12-20T23:00:00.000Z',
  to: '2026-12-27T23:00:00.000Z',
  openAtFrom: false,
  nextOpening: '2026-12-21T08:00:00.000Z',
  nextClosing: null,
  openings: [21, 22, 23, 24].map((d) => ({
    start: `2026-12-${d}T08:00:00.000Z`,
    end: `2026-12-${d}T16:00:00.000Z`,
  })),
};

function serve(items: ScheduleView[], extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/v1/schedules': fakeResponse(200, { items }),
    [`GET /api/v1/schedules/${office.id}/preview`]: fakeResponse(200, preview),
    ...extra,
  });
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) =>
  fireEvent.change(field(label), { target: { value } });

describe('SchedulesPage', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lists a schedule with its week in a line, what uses it, and the week drawn', async () => {
    const { requests } = serve([office]);
    renderWithProviders(<SchedulesPage />);
    const card = await screen.findByRole('article', { name: 'Berlin office' });
    expect(card.textContent).toContain('Mon–Fri 09:00–17:00');
    expect(card.textContent).toContain('Christmas Day (2026-12-25)');
    expect(card.textContent).toContain('team Front desk');
    expect(card.textContent).toContain('flow Inbound');
    const days = await within(card).findAllByTestId('week-strip-day');
    expect(days.map((d) => d.textContent)).toEqual([
      expect.stringMatching(/^Mon 21 Dec.*09:00–17:00/),
      expect.stringMatching(/^Tue 22 Dec.*09:00–17:00/),
      expect.stringMatching(/^Wed 23 Dec.*09:00–17:00/),
      expect.stringMatching(/^Thu 24 Dec.*09:00–17:00/),
      expect.stringMatching(/^Fri 25 Dec.*Holiday: Christmas Day/),
      expect.stringMatching(/^Sat 26 Dec.*Closed/),
      expect.stringMatching(/^Sun 27 Dec.*Closed/),
    ]);
    // The week asked for starts at midnight where the schedule is.
    const asked = requests.find((r) => r.url.pathname.endsWith('/preview'));
    expect(asked?.url.searchParams.get('from')).toMatch(/T(23|22):00:00\.000Z$/);
  });

  it('teaches what a schedule is for when there is none', async () => {
    serve([]);
    renderWithProviders(<SchedulesPage />);
    expect(await screen.findByText('No schedules yet')).toBeTruthy();
    expect(screen.getByText(/give it to a team on the Teams page/)).toBeTruthy();
  });

  it('creates a schedule with split hours copied to weekdays, a Saturday and a named holiday', async () => {
    let created: RecordedRequest | undefined;
    serve([], {
      'POST /api/v1/schedules': (request) => {
        created = request;
        return fakeResponse(201, { ...office, name: 'Clinic' });
      },
    });
    renderWithProviders(<SchedulesPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'New schedule' }));
    type('Name', 'Clinic');
    type('Time zone', 'Europe/London');
    type('Monday closes', '12:30');
    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
    type('Monday opens (opening 2)', '13:30');
    type('Monday closes (opening 2)', '18:00');
    fireEvent.click(screen.getByRole('button', { name: 'Copy Monday to weekdays' }));
    fireEvent.click(screen.getByLabelText('Saturday'));
    type('Saturday closes', '13:00');
    fireEvent.click(screen.getByRole('button', { name: 'Add a holiday' }));
    type('Date of holiday 1', '2026-12-25');
    type('Name of holiday 1', 'Christmas Day');
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));

    expect(await screen.findByText('Clinic is ready: give it to a team.')).toBeTruthy();
    const split = [
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '18:00' },
    ];
    expect(created?.body).toEqual({
      name: 'Clinic',
      timeZone: 'Europe/London',
      weekly: {
        mon: split,
        tue: split,
        wed: split,
        thu: split,
        fri: split,
        sat: [{ start: '09:00', end: '13:00' }],
      },
      holidays: ['2026-12-25'],
      holidayNames: { '2026-12-25': 'Christmas Day' },
    });
  });

  it('pins the API schema’s messages to the opening at fault and sends nothing', async () => {
    const { requests } = serve([]);
    renderWithProviders(<SchedulesPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'New schedule' }));
    type('Name', 'Clinic');
    type('Tuesday closes', '09:00');
    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Wednesday' }));
    type('Wednesday opens (opening 2)', '16:00');
    type('Wednesday closes (opening 2)', '19:00');
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));

    const tuesdayClose = field('Tuesday closes');
    expect(tuesdayClose.getAttribute('aria-invalid')).toBe('true');
    const tuesdayProblem = document.getElementById(
      tuesdayClose.getAttribute('aria-describedby') ?? '',
    );
    expect(tuesdayProblem?.textContent).toMatch(/start and end are the same/);
    const overlap = field('Wednesday opens (opening 2)');
    expect(overlap.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(overlap.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('overlaps 09:00–17:00; join them into one opening');
    expect(screen.getByText('Fix the marked fields to save.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    // Fixed, the message goes; a closing time before the opening is an overnight shift.
    type('Tuesday closes', '02:00');
    expect(field('Tuesday closes').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Overnight: until 02:00 on Wednesday')).toBeTruthy();
  });

  it('shows the field the API refused when saving an edit', async () => {
    let put: RecordedRequest | undefined;
    serve([office], {
      [`PUT /api/v1/schedules/${office.id}`]: (request) => {
        put = request;
        return fakeResponse(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'timeZone: unknown time zone',
          issues: [{ path: 'timeZone', message: 'unknown time zone; use an IANA name' }],
        });
      },
    });
    renderWithProviders(<SchedulesPage />);
    const card = await screen.findByRole('article', { name: 'Berlin office' });
    fireEvent.click(within(card).getByRole('button', { name: 'Edit' }));
    const editor = screen.getByRole('form', { name: 'Edit Berlin office' });
    expect(field('Name').value).toBe('Berlin office');
    expect(field('Name of holiday 1').value).toBe('Christmas Day');
    fireEvent.click(within(editor).getByRole('button', { name: 'Save schedule' }));
    await within(editor).findByText('unknown time zone; use an IANA name');
    expect(field('Time zone').getAttribute('aria-invalid')).toBe('true');
    expect(put?.body).toMatchObject({ name: 'Berlin office', holidays: ['2026-12-25'] });
  });

  it('shows the API’s refusal to delete a schedule in use', async () => {
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    serve([office], {
      [`DELETE /api/v1/schedules/${office.id}`]: fakeResponse(409, {
        statusCode: 409,
        error: 'Conflict',
        message:
          '"Berlin office" is used by team "Front desk"; move them to another schedule first',
      }),
    });
    renderWithProviders(<SchedulesPage />);
    const card = await screen.findByRole('article', { name: 'Berlin office' });
    fireEvent.click(within(card).getByRole('button', { name: 'Delete' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toBe(
      'Not deleted: "Berlin office" is used by team "Front desk"; move them to another schedule first',
    );
    await waitFor(() =>
      expect(window.confirm).toHaveBeenCalledWith(expect.stringMatching(/Berlin office/)),
    );
  });
});
