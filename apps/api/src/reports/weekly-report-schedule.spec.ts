import { weeklyReportScheduleOptions } from './weekly-report-schedule';

const teamId = '00000000-0000-4000-8000-000000000001';

describe('weeklyReportScheduleOptions', () => {
  it("fires on the team's weekday and local time, in its zone", () => {
    const options = weeklyReportScheduleOptions(
      teamId,
      { enabled: true, weekday: 1, time: '08:30', timeZone: 'Europe/Berlin' },
      'baton',
    );
    expect(options.scheduleId).toBe(`weekly-report-${teamId}`);
    expect(options.spec).toEqual({
      calendars: [{ dayOfWeek: 'MONDAY', hour: 8, minute: 30 }],
      timezone: 'Europe/Berlin',
    });
    expect(options.action).toMatchObject({
      workflowType: 'weeklyReportWorkflow',
      args: [{ teamId }],
      taskQueue: 'baton',
    });
    expect(options.state).toEqual({ paused: false });
  });

  it('maps ISO 7 to Sunday and pauses a disabled report', () => {
    const options = weeklyReportScheduleOptions(
      teamId,
      { enabled: false, weekday: 7, time: '23:05', timeZone: 'America/New_York' },
      'baton',
    );
    expect(options.spec.calendars).toEqual([{ dayOfWeek: 'SUNDAY', hour: 23, minute: 5 }]);
    expect(options.state).toEqual({ paused: true });
  });
});
