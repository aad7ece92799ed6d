import { teamReportSettingsSchema } from './weekly-report.schema';

const valid = { enabled: true, weekday: 1, time: '08:30', timeZone: 'Europe/Berlin' };

function failingField(input: unknown): string | undefined {
  const result = teamReportSettingsSchema.safeParse(input);
  return result.success ? undefined : String(result.error.issues[0]?.path[0]);
}

describe('teamReportSettingsSchema', () => {
  it('accepts a weekday, a 24-hour time and an IANA zone', () => {
    expect(teamReportSettingsSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['weekday', { ...valid, weekday: 0 }],
    ['weekday', { ...valid, weekday: 8 }],
    ['time', { ...valid, time: '24:00' }],
    ['time', { ...valid, time: '8:30' }],
    ['timeZone', { ...valid, timeZone: 'Mars/Olympus' }],
  ])('names %s when it is wrong', (field, input) => {
    expect(failingField(input)).toBe(field);
  });
});
