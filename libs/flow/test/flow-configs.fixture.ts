// Valid configs for each node type, shared by catalogue, validation and simulation tests.
export const validConfigs = {
  trigger: { sources: [], forms: [] },
  qualify: { timeoutMs: 10_000, minScore: 40 },
  condition: {
    rules: [
      {
        id: 'hot',
        label: 'Hot',
        group: { mode: 'all', clauses: [{ field: 'qualification.score', op: 'gte', value: 70 }] },
      },
    ],
  },
  business_hours: { scheduleId: 'office' },
  assign: { strategy: 'round_robin', teamId: 'team-1' },
  notify: { channel: 'in_app', to: 'owner', body: 'New lead {{lead.name}}' },
  wait_for_contact: { sla: { minutes: 15, mode: 'business' }, reminders: [5, 10] },
  escalate: { maxRounds: 2, reassign: true, notifyManager: true },
  book: { durationMinutes: 30 },
  delay: { minutes: 30 },
  webhook: { url: 'https://crm.example.com/hook', method: 'POST' },
  custom: { activity: 'crm-sync', version: '1', input: {} },
  end: { outcome: 'contacted' },
} satisfies Record<string, Record<string, unknown>>;
