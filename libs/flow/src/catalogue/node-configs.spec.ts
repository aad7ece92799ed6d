import { nodeCatalogue, type NodeType } from './node-catalogue';

type Case = [
  label: string,
  config: unknown,
  expected: { ok: true } | { path: string; message?: RegExp },
];

function check(
  type: NodeType,
  config: unknown,
): { ok: true } | { path: string; messages: string[] } {
  const result = nodeCatalogue[type].configSchema.safeParse(config);
  if (result.success) return { ok: true };
  return {
    path: result.error.issues.map((i) => i.path.join('.')).join('|'),
    messages: result.error.issues.map((i) => i.message),
  };
}

const cases: Record<NodeType, Case[]> = {
  trigger: [
    ['empty means every source', {}, { ok: true }],
    ['blank form name', { forms: [' '] }, { path: 'forms.0' }],
  ],
  qualify: [
    ['defaults', {}, { ok: true }],
    ['timeout too short', { timeoutMs: 10 }, { path: 'timeoutMs', message: /at least 1 second/ }],
    ['score out of range', { minScore: 101 }, { path: 'minScore' }],
    ['a business profile', { profile: 'dental_medical', hotWhen: 'pain today' }, { ok: true }],
    ['unknown profile', { profile: 'saas' }, { path: 'profile' }],
    ['hotWhen too long', { hotWhen: 'x'.repeat(501) }, { path: 'hotWhen', message: /500/ }],
    ['hotWhen with control characters', { hotWhen: 'a\u0000b' }, { path: 'hotWhen' }],
  ],
  condition: [
    ['no rules', { rules: [] }, { path: 'rules', message: /at least one rule/ }],
    [
      'rule id else',
      {
        rules: [
          { id: 'else', label: 'x', group: { clauses: [{ field: 'lead.email', op: 'exists' }] } },
        ],
      },
      { path: 'rules.0.id', message: /fallback/ },
    ],
    [
      'duplicate rule ids',
      {
        rules: [
          { id: 'a', label: 'x', group: { clauses: [{ field: 'lead.email', op: 'exists' }] } },
          { id: 'a', label: 'y', group: { clauses: [{ field: 'lead.email', op: 'exists' }] } },
        ],
      },
      { path: 'rules.1.id', message: /used twice/ },
    ],
    [
      'unknown field root',
      { rules: [{ id: 'a', label: 'x', group: { clauses: [{ field: 'email', op: 'exists' }] } }] },
      { path: 'rules.0.group.clauses.0.field', message: /starts with lead/ },
    ],
    [
      'unknown operator',
      {
        rules: [
          {
            id: 'a',
            label: 'x',
            group: { clauses: [{ field: 'lead.email', op: 'like', value: 'x' }] },
          },
        ],
      },
      { path: 'rules.0.group.clauses.0.op' },
    ],
    [
      'invalid regex',
      {
        rules: [
          {
            id: 'a',
            label: 'x',
            group: { clauses: [{ field: 'lead.email', op: 'matches', value: '(abc' }] },
          },
        ],
      },
      { path: 'rules.0.group.clauses.0.value', message: /invalid regular expression/ },
    ],
    [
      'backreference (not RE2)',
      {
        rules: [
          {
            id: 'a',
            label: 'x',
            group: { clauses: [{ field: 'lead.name', op: 'matches', value: '(a)\\1' }] },
          },
        ],
      },
      { path: 'rules.0.group.clauses.0.value' },
    ],
    [
      'between with reversed bounds',
      {
        rules: [
          {
            id: 'a',
            label: 'x',
            group: { clauses: [{ field: 'qualification.score', op: 'between', value: [80, 20] }] },
          },
        ],
      },
      { path: 'rules.0.group.clauses.0.value' },
    ],
    [
      'in with an empty list',
      {
        rules: [
          {
            id: 'a',
            label: 'x',
            group: { clauses: [{ field: 'lead.customFields.country', op: 'in', value: [] }] },
          },
        ],
      },
      { path: 'rules.0.group.clauses.0.value' },
    ],
  ],
  business_hours: [
    ['no schedule', { scheduleId: '' }, { path: 'scheduleId', message: /pick a schedule/ }],
  ],
  assign: [
    ['round robin over a team', { teamId: 't' }, { ok: true }],
    ['no team nor pool', { strategy: 'least_loaded' }, { path: 'teamId', message: /team/ }],
    ['specific user without user', { strategy: 'specific_user' }, { path: 'userId' }],
    ['match without fields', { strategy: 'match', teamId: 't' }, { path: 'skillField' }],
    [
      'match with a skill field',
      { strategy: 'match', teamId: 't', skillField: 'lead.customFields.product' },
      { ok: true },
    ],
    [
      'negative weight',
      { strategy: 'weighted', teamId: 't', weights: { u: -1 } },
      { path: 'weights.u' },
    ],
    ['unknown strategy', { strategy: 'random', teamId: 't' }, { path: 'strategy' }],
  ],
  notify: [
    [
      'email without subject',
      { channel: 'email', to: 'owner', body: 'x' },
      { path: 'subject', message: /subject/ },
    ],
    ['in-app to a lead', { channel: 'in_app', to: 'lead', body: 'x' }, { path: 'to' }],
    ['user without id', { channel: 'in_app', to: 'user', body: 'x' }, { path: 'userId' }],
    ['webhook without url', { channel: 'webhook' }, { path: 'url' }],
    [
      'webhook with ftp url',
      { channel: 'webhook', url: 'ftp://example.com' },
      { path: 'url', message: /http/ },
    ],
    ['empty body', { channel: 'in_app', to: 'owner', body: '  ' }, { path: 'body' }],
  ],
  wait_for_contact: [
    ['no SLA', { reminders: [] }, { path: 'sla' }],
    [
      'reminder after the SLA',
      { sla: { minutes: 15 }, reminders: [5, 15] },
      { path: 'reminders.1', message: /after/ },
    ],
    [
      'duplicate reminders',
      { sla: { minutes: 15 }, reminders: [5, 5] },
      { path: 'reminders.1', message: /two reminders/ },
    ],
    ['zero-minute SLA', { sla: { minutes: 0 } }, { path: 'sla.minutes' }],
    ['fractional minutes (90 seconds)', { sla: { minutes: 1.5 } }, { ok: true }],
    [
      'an SLA under 3 seconds',
      { sla: { minutes: 0.01 } },
      { path: 'sla.minutes', message: /0\.05 minutes/ },
    ],
  ],
  escalate: [
    ['defaults', {}, { ok: true }],
    [
      'does nothing',
      { reassign: false, notifyManager: false },
      { path: 'notifyManager', message: /manager/ },
    ],
    ['too many rounds', { maxRounds: 11 }, { path: 'maxRounds' }],
  ],
  book: [['defaults', {}, { ok: true }]],
  delay: [
    ['minutes', { minutes: 5 }, { ok: true }],
    ['until open', { untilScheduleOpen: 's' }, { ok: true }],
    ['neither', {}, { path: 'minutes', message: /either/ }],
    ['both', { minutes: 5, untilScheduleOpen: 's' }, { path: 'minutes', message: /not both/ }],
  ],
  webhook: [
    ['no url', {}, { path: 'url' }],
    ['javascript url', { url: 'javascript:alert(1)' }, { path: 'url' }],
    [
      'secret with spaces',
      { url: 'https://x.test', secretRef: 'my secret' },
      { path: 'secretRef' },
    ],
  ],
  custom: [['no activity', { version: '1' }, { path: 'activity' }]],
  end: [
    ['default outcome', {}, { ok: true }],
    ['unknown outcome', { outcome: 'won' }, { path: 'outcome' }],
  ],
};

describe.each(Object.entries(cases) as Array<[NodeType, Case[]]>)('%s config', (type, table) => {
  it.each(table)('%s', (_label, config, expected) => {
    const result = check(type, config);
    if ('ok' in expected) {
      expect(result).toEqual({ ok: true });
      return;
    }
    expect(result).not.toEqual({ ok: true });
    if ('ok' in result) return;
    expect(result.path.split('|')).toContain(expected.path);
    if (expected.message) expect(result.messages.join(' ')).toMatch(expected.message);
  });
});
