import { parseNodeConfig, safeParseNodeConfig } from './parse-node-config';

describe('parseNodeConfig', () => {
  it('returns the typed config with defaults filled in', () => {
    const config = parseNodeConfig('escalate', {});
    expect(config).toEqual({
      maxRounds: 2,
      reassign: true,
      notifyManager: true,
      roundSla: { minutes: 15, mode: 'business' },
    });
    expect(parseNodeConfig('assign', { teamId: 't' }).strategy).toBe('round_robin');
  });

  it('says "required" for a missing field and names every problem', () => {
    const result = safeParseNodeConfig('wait_for_contact', { reminders: ['soon'] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([['sla', 'required']]),
    );
    expect(() => parseNodeConfig('wait_for_contact', {})).toThrow(
      'invalid wait_for_contact config: sla: required',
    );
  });
});
