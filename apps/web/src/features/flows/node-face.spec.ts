import { formatMinutes, handleLabels, nodeFaceLines } from './node-face';

const names = new Map([
  ['t1', 'Inside sales'],
  ['s1', 'Office hours'],
]);

describe('nodeFaceLines', () => {
  it('says the key settings of each step in words', () => {
    expect(
      nodeFaceLines(
        'wait_for_contact',
        { sla: { minutes: 15, mode: 'business' }, reminders: [5, 10] },
        names,
      ),
    ).toEqual(['SLA 15 min, business time', 'Reminders at 5 min, 10 min']);
    expect(nodeFaceLines('assign', { strategy: 'least_loaded', teamId: 't1' }, names)).toEqual([
      'Least loaded',
      'Inside sales',
    ]);
    expect(nodeFaceLines('assign', { strategy: 'round_robin', teamId: 'gone' }, names)).toEqual([
      'Round robin',
      'unknown team',
    ]);
    expect(nodeFaceLines('notify', { channel: 'email', to: 'lead' }, names)).toEqual([
      'Email to the lead',
    ]);
    expect(nodeFaceLines('delay', { untilScheduleOpen: 's1' }, names)).toEqual([
      'Until Office hours opens',
    ]);
    expect(
      nodeFaceLines('webhook', { url: 'https://crm.example/hook', method: 'PUT' }, names),
    ).toEqual(['PUT crm.example']);
    expect(nodeFaceLines('plugin_thing', { anything: 1 }, names)).toEqual([]);
  });

  it('never throws on a config that is not what its type expects', () => {
    for (const type of [
      'trigger',
      'qualify',
      'assign',
      'notify',
      'wait_for_contact',
      'escalate',
      'delay',
      'webhook',
      'end',
      'business_hours',
    ]) {
      expect(() =>
        nodeFaceLines(type, { sla: 'soon', reminders: 'x', sources: 3, url: 'nope' }, names),
      ).not.toThrow();
    }
  });

  it('formats durations and labels condition exits by rule', () => {
    expect([0.5, 15, 90, 240, 2880].map(formatMinutes)).toEqual([
      '30 s',
      '15 min',
      '90 min',
      '4 h',
      '2 d',
    ]);
    expect(
      handleLabels('condition', { rules: [{ id: 'hot', label: 'Hot lead' }, { id: 'x' }] }),
    ).toEqual(new Map([['hot', 'Hot lead']]));
  });
});
