// What a node's face says about its settings, so a flow reads without opening every step: the
// SLA and its mode, the strategy and team, who gets the message. One entry per node type that
// has something worth showing; a type with no entry (a plugin's) shows its title and exits only.

type Config = Record<string, unknown>;
/** Names of the things configs point at (teams, people, schedules, sources), by id. */
export type ReferenceNames = ReadonlyMap<string, string>;

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const obj = (v: unknown): Config | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Config) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A referenced thing by name, "(not set)" when empty, or "unknown …" when the id is not here. */
function named(id: unknown, names: ReferenceNames, what: string): string {
  const value = text(id);
  if (!value) return `no ${what}`;
  return names.get(value) ?? `unknown ${what}`;
}

export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} min`;
  const hours = minutes / 60;
  return hours % 24 === 0 ? `${hours / 24} d` : `${hours} h`;
}

function sla(value: unknown): string | undefined {
  const config = obj(value);
  const minutes = num(config?.['minutes']);
  if (minutes === undefined) return undefined;
  const mode = config?.['mode'] === 'wall' ? 'clock time' : 'business time';
  return `${formatMinutes(minutes)}, ${mode}`;
}

const strategies: Record<string, string> = {
  round_robin: 'Round robin',
  weighted: 'Weighted',
  least_loaded: 'Least loaded',
  match: 'Skill/territory match',
  specific_user: 'Specific person',
};

const channels: Record<string, string> = { email: 'Email', webhook: 'Webhook', in_app: 'In-app' };
const recipients: Record<string, string> = {
  owner: 'the owner',
  manager: 'the manager',
  team: 'the team',
  user: 'a person',
  lead: 'the lead',
};

const profiles: Record<string, string> = {
  b2b: 'B2B',
  home_services: 'Home services',
  dental_medical: 'Dental/medical',
  legal: 'Legal',
  real_estate: 'Real estate',
  other: 'Other business',
};

type FaceLines = (config: Config, names: ReferenceNames) => (string | undefined)[];

const faces: Record<string, FaceLines> = {
  trigger: (c, names) => {
    const sources = list(c['sources']);
    const forms = list(c['forms']).filter((f): f is string => typeof f === 'string');
    return [
      sources.length === 0
        ? 'Any source'
        : sources.map((id) => named(id, names, 'source')).join(', '),
      forms.length > 0 ? `Forms: ${forms.join(', ')}` : undefined,
    ];
  },
  qualify: (c) => [
    profiles[text(c['profile']) ?? 'b2b'],
    num(c['minScore']) !== undefined ? `Qualified at ${num(c['minScore'])}+` : undefined,
  ],
  business_hours: (c, names) => [named(c['scheduleId'], names, 'schedule')],
  assign: (c, names) => {
    const strategy = text(c['strategy']) ?? 'round_robin';
    const label = strategies[strategy] ?? strategy;
    if (strategy === 'specific_user') return [label, named(c['userId'], names, 'person')];
    const pool = list(c['pool']);
    return [label, pool.length > 0 ? `${pool.length} people` : named(c['teamId'], names, 'team')];
  },
  notify: (c, names) => {
    const channel = channels[text(c['channel']) ?? ''] ?? 'No channel';
    const to = text(c['to']) ?? 'owner';
    const whom = to === 'user' ? named(c['userId'], names, 'person') : (recipients[to] ?? to);
    return [`${channel} to ${whom}`];
  },
  wait_for_contact: (c) => {
    const reminders = list(c['reminders']).filter((r): r is number => typeof r === 'number');
    return [
      sla(c['sla']) ? `SLA ${sla(c['sla'])}` : 'No SLA',
      reminders.length > 0 ? `Reminders at ${reminders.map(formatMinutes).join(', ')}` : undefined,
    ];
  },
  escalate: (c) => {
    const rounds = num(c['maxRounds']) ?? 2;
    return [
      `Up to ${rounds} ${rounds === 1 ? 'round' : 'rounds'}${c['reassign'] === false ? '' : ', reassigning'}`,
      sla(c['roundSla']) ? `Each round ${sla(c['roundSla'])}` : undefined,
    ];
  },
  delay: (c, names) => [
    text(c['untilScheduleOpen'])
      ? `Until ${named(c['untilScheduleOpen'], names, 'schedule')} opens`
      : num(c['minutes']) !== undefined
        ? `Wait ${formatMinutes(num(c['minutes']) ?? 0)}`
        : 'No wait set',
  ],
  webhook: (c) => {
    const url = text(c['url']);
    let host = 'no URL';
    if (url) {
      try {
        host = new URL(url).host;
      } catch {
        host = 'invalid URL';
      }
    }
    return [`${text(c['method']) ?? 'POST'} ${host}`];
  },
  end: (c) => [`Outcome: ${text(c['outcome']) ?? 'other'}`],
};

/** The lines to show on a node of this type with this config (none for an unknown type). */
export function nodeFaceLines(type: string, config: Config, names: ReferenceNames): string[] {
  const face = faces[type];
  if (!face) return [];
  return face(config, names).filter((line): line is string => line !== undefined);
}

/** How to label each exit of a condition: its rule's label, by handle (rule id). */
export function handleLabels(type: string, config: Config): Map<string, string> {
  const labels = new Map<string, string>();
  if (type !== 'condition') return labels;
  for (const rule of list(config['rules'])) {
    const r = obj(rule);
    const id = text(r?.['id']);
    const label = text(r?.['label']);
    if (id && label) labels.set(id, label);
  }
  return labels;
}
