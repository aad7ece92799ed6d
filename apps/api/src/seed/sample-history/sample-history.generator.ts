import { randomUUID } from 'node:crypto';
import type { LeadEventType, LeadSourceContext, LeadStatus } from '@baton/api-contract';
import { addBusinessMinutes, isOpen, nextOpening, type Schedule } from '@baton/flow';
import {
  sampleCampaigns,
  sampleFirstNames,
  sampleLastNames,
  sampleLeadTemplates,
  sampleLossReasons,
  type SampleLeadTemplate,
} from './sample-lead-templates';
import { type SeededRandom, seededRandom } from './seeded-random';

export interface SamplePerson {
  id: string;
  name: string;
}

/** The demo's records the sample history hangs off. */
export interface SampleRoster {
  sourceId: string;
  teamId: string;
  flowVersionId: string | null;
  reps: SamplePerson[];
  manager: SamplePerson;
  schedule: Schedule;
}

export interface SampleLead {
  id: string;
  sourceId: string;
  name: string;
  email: string;
  phone: string;
  company: string | null;
  message: string;
  context: LeadSourceContext;
  receivedAt: Date;
  status: LeadStatus;
  ownerId: string | null;
  teamId: string | null;
  flowVersionId: string | null;
  qualification: Record<string, unknown>;
  firstResponseAt: Date | null;
  assignedAt: Date | null;
  firstContactAt: Date | null;
  acknowledgedAt: Date | null;
  slaDueAt: Date | null;
}

export interface SampleEvent {
  leadId: string;
  type: LeadEventType;
  actorType: 'system' | 'user' | 'source';
  actorId: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

export interface SampleHistory {
  leads: SampleLead[];
  events: SampleEvent[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const SAMPLE_HISTORY_DAYS = 30;
const HOT_SCORE = 70;
const SPAM_SHARE = 0.06;
const NOBODY_SHARE = 0.03;

/** Response buckets as [from, to) seconds (the dashboard's <1 min … 2-24 h), then "never". */
const CONTACT_DELAYS: [number, number][] = [
  [20, 60],
  [60, 300],
  [300, 1800],
  [1800, 7200],
  [7200, 86_400],
];
/** Hot leads get called fast; the rest later, and more of them never. Last weight: never. */
const HOT_DELAY_WEIGHTS = [22, 38, 22, 10, 5, 3];
const STANDARD_DELAY_WEIGHTS = [5, 15, 30, 25, 18, 7];
/** Faster contact books more: the shape the conversion chart and revenue leak are about. */
const BOOKING_RATE = [0.42, 0.33, 0.22, 0.14, 0.08];

const at = (t: number) => new Date(t);

/**
 * About 30 days of plausible leads ending at `now`: mostly in office hours, some evenings and
 * weekends (auto-replied, picked up when the office opens), a little spam, a few nobody took,
 * SLA breaches where contact came late, and bookings that favour fast contact. Every lead's
 * columns agree with its events, as the workflow would have written them. Deterministic for a
 * given seed apart from the row ids.
 */
export function generateSampleHistory(roster: SampleRoster, now: Date, seed = 2026): SampleHistory {
  const rnd = seededRandom(seed);
  const leads: SampleLead[] = [];
  const events: SampleEvent[] = [];
  const spam = sampleLeadTemplates.filter((t) => t.vertical === 'spam');
  const genuine = sampleLeadTemplates.filter((t) => t.vertical !== 'spam');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let nextRep = 0;

  for (let back = SAMPLE_HISTORY_DAYS - 1; back >= 0; back--) {
    const dayStart = today - back * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const count = weekday === 0 || weekday === 6 ? rnd.int(2, 5) : rnd.int(8, 14);
    const times = Array.from({ length: count }, () => arrivalTime(rnd, roster.schedule, dayStart))
      .filter((t) => t < now.getTime() - 10 * MINUTE)
      .sort((a, b) => a - b);
    for (const received of times) {
      const template = rnd.chance(SPAM_SHARE) ? rnd.pick(spam) : rnd.pick(genuine);
      const owner = roster.reps[nextRep++ % roster.reps.length] ?? null;
      const lead = sampleLead(rnd, roster, template, received, now.getTime(), owner);
      leads.push(lead.row);
      events.push(...lead.events);
    }
  }
  return { leads, events };
}

/** A time on that day: office hours always accepted, evenings sometimes, nights rarely. */
function arrivalTime(rnd: SeededRandom, schedule: Schedule, dayStart: number): number {
  for (let tries = 0; ; tries++) {
    const t = dayStart + Math.floor(rnd.next() * DAY);
    const hour = new Date(t).getUTCHours();
    if (tries > 50 || isOpen(schedule, at(t)) || rnd.chance(hour >= 7 && hour < 22 ? 0.35 : 0.03))
      return t;
  }
}

function sampleLead(
  rnd: SeededRandom,
  roster: SampleRoster,
  template: SampleLeadTemplate,
  received: number,
  now: number,
  rep: SamplePerson | null,
): { row: SampleLead; events: SampleEvent[] } {
  const id = randomUUID();
  const events: SampleEvent[] = [];
  const event = (
    type: LeadEventType,
    t: number,
    data: Record<string, unknown> = {},
    actor: SamplePerson | null = null,
  ) =>
    events.push({
      leadId: id,
      type,
      actorType: actor ? 'user' : 'system',
      actorId: actor?.id ?? null,
      data,
      occurredAt: at(t),
    });

  const isSpam = template.vertical === 'spam';
  const score = isSpam
    ? template.score
    : Math.max(0, Math.min(100, template.score + rnd.int(-8, 8)));
  const byModel = rnd.chance(0.85);
  const qualification = {
    score,
    intent: template.intent,
    urgency: template.urgency,
    budget: template.budget,
    spam: isSpam,
    summary: template.summary,
    reasons: template.reasons,
    method: byModel ? 'llm' : 'heuristic',
    ...(byModel ? { model: 'llama3.1:8b' } : {}),
  };
  const first = rnd.pick(sampleFirstNames);
  const last = rnd.pick(sampleLastNames);
  const campaign = rnd.weighted(sampleCampaigns);
  const row: SampleLead = {
    id,
    sourceId: roster.sourceId,
    name: `${first} ${last}`,
    email:
      `${first}.${last}${rnd.int(1, 99)}@example.${rnd.pick(['com', 'org', 'net'])}`.toLowerCase(),
    phone: `+44 7700 900${String(rnd.int(0, 999)).padStart(3, '0')}`,
    company: template.company ?? null,
    message: template.message,
    context: { form: template.form, utm: campaign.utm, landingPage: campaign.landingPage },
    receivedAt: at(received),
    status: 'new',
    ownerId: null,
    teamId: roster.teamId,
    flowVersionId: roster.flowVersionId,
    qualification,
    firstResponseAt: null,
    assignedAt: null,
    firstContactAt: null,
    acknowledgedAt: null,
    slaDueAt: null,
  };

  events.push({
    leadId: id,
    type: 'received',
    actorType: 'source',
    actorId: null,
    data: { sample: true },
    occurredAt: at(received),
  });
  const qualifiedAt = received + rnd.int(2, 9) * SECOND;
  event('qualified', qualifiedAt, {
    ...qualification,
    qualification,
    latencyMs: rnd.int(900, 6000),
  });
  if (isSpam) {
    event('disqualified', qualifiedAt + SECOND, { reason: 'Spam' });
    return { row: { ...row, status: 'spam', teamId: null }, events };
  }

  const hot = score >= HOT_SCORE;
  const open = isOpen(roster.schedule, at(received));
  event('routed', qualifiedAt + 200, {
    nodeId: 'hot-or-not',
    handle: hot ? 'hot' : 'else',
    reason: hot ? 'Hot lead (score 70+)' : 'No rule matched: the else branch',
  });
  let firstResponse: number | null = null;
  let assignFrom = qualifiedAt + rnd.int(1, 20) * SECOND;
  if (hot && !open) {
    firstResponse = qualifiedAt + rnd.int(5, 30) * SECOND;
    event('auto_replied', firstResponse, { channel: 'email' });
    const opening = nextOpening(roster.schedule, at(received));
    assignFrom = (opening?.getTime() ?? received) + rnd.int(5, 90) * SECOND;
  }
  const slaMinutes = hot ? 15 : 240;

  if (!rep || rnd.chance(NOBODY_SHARE)) {
    // Everyone was out: the manager hears of it, nobody picks it up in time.
    const due = addBusinessMinutes(roster.schedule, at(assignFrom), slaMinutes).getTime();
    event('routed', assignFrom, {
      nodeId: hot ? 'assign-rep' : 'assign-standard',
      handle: 'nobody',
      reason: 'Nobody on the team is available',
    });
    event('notified', assignFrom + SECOND, { recipient: roster.manager.name, channel: 'in_app' });
    if (due < now) {
      event('escalated', due, { recipient: roster.manager.name });
      event('unhandled', due + SECOND);
    }
    return {
      row: {
        ...row,
        status: 'unhandled',
        slaDueAt: at(due),
        firstResponseAt: firstResponse === null ? null : at(firstResponse),
      },
      events,
    };
  }

  const assignedAt = assignFrom;
  event('assigned', assignedAt, {
    ownerId: rep.id,
    ownerName: rep.name,
    reason: hot ? 'round robin' : 'least loaded',
  });
  event('notified', assignedAt + SECOND, { recipient: rep.name, channel: 'in_app' });
  if (hot) event('notified', assignedAt + 2 * SECOND, { recipient: rep.name, channel: 'email' });
  const due = addBusinessMinutes(roster.schedule, at(assignedAt), slaMinutes).getTime();

  const bucket = rnd.weighted(
    (hot ? HOT_DELAY_WEIGHTS : STANDARD_DELAY_WEIGHTS).map((weight, i) => ({ weight, i })),
  ).i;
  const range = CONTACT_DELAYS[bucket];
  let contact: number | null = range
    ? received + Math.max(assignedAt - received, 0) + rnd.int(range[0], range[1] - 1) * SECOND
    : null;
  // People call back in office hours: a late-evening callback lands after the next opening.
  if (contact !== null && !isOpen(roster.schedule, at(contact))) {
    contact =
      (nextOpening(roster.schedule, at(contact))?.getTime() ?? contact) + rnd.int(3, 40) * MINUTE;
  }
  if (contact !== null && contact > now) contact = null;

  for (const minutes of hot ? [5, 10] : [120]) {
    const reminder = addBusinessMinutes(roster.schedule, at(assignedAt), minutes).getTime();
    if (reminder < now && (contact === null || contact > reminder))
      event('reminded', reminder, { recipient: rep.name });
  }
  if (due < now && (contact === null || contact > due)) {
    event('breached', due, { ownerName: rep.name });
    event('escalated', due + SECOND, { recipient: roster.manager.name });
  }

  // Most reps acknowledge (claim) soon after the alert; the rest go straight to the call or never.
  let acknowledged: number | null = null;
  if (rnd.chance(contact === null ? 0.5 : 0.85)) {
    const latest = contact === null ? assignedAt + 20 * MINUTE : contact;
    acknowledged = Math.min(assignedAt + rnd.int(15, 240) * SECOND, latest, now);
    event(
      'acknowledged',
      acknowledged,
      {
        via: 'claim',
        at: at(acknowledged).toISOString(),
        secondsAfterReceived: Math.round((acknowledged - received) / SECOND),
        withdrawnAlerts: 0,
      },
      rep,
    );
  }
  const base = {
    ...row,
    ownerId: rep.id,
    assignedAt: at(assignedAt),
    acknowledgedAt: acknowledged === null ? null : at(acknowledged),
    slaDueAt: at(due),
  };
  if (contact === null) {
    // Recent: still waiting (the aging panel). Old: mostly given up on by the rep, some parked
    // as unhandled after escalation (still waiting, and leaking).
    const old = due < now && received < now - 2 * DAY;
    const givenUp = old && rnd.chance(0.7);
    if (givenUp) {
      event('disqualified', Math.min(due + 2 * DAY, now), { reason: 'Could not reach them' }, rep);
    } else if (old) event('unhandled', due + 30 * MINUTE);
    return {
      row: {
        ...base,
        status: givenUp ? 'disqualified' : old ? 'unhandled' : 'assigned',
        firstResponseAt: firstResponse === null ? null : at(firstResponse),
      },
      events,
    };
  }

  event('contacted', contact, { channel: rnd.pick(['phone', 'phone', 'email']) }, rep);
  const contacted = {
    ...base,
    firstContactAt: at(contact),
    firstResponseAt: at(Math.min(contact, firstResponse ?? contact)),
  };
  // Conversion follows the speed the lead felt (from arrival), not the rep's from assignment.
  const felt = CONTACT_DELAYS.findIndex(([, to]) => contact - received < to * SECOND);
  const bookingRate = (BOOKING_RATE[felt] ?? 0.05) * (hot ? 1.2 : 0.7);
  if (rnd.chance(bookingRate)) {
    const bookedAt = contact + rnd.int(2, 30) * MINUTE;
    const day = Math.floor(bookedAt / DAY) * DAY + rnd.int(1, 6) * DAY;
    event('booked', Math.min(bookedAt, now), { startsAt: at(day + 10 * HOUR).toISOString() }, rep);
    return { row: { ...contacted, status: 'booked' }, events };
  }
  if (rnd.chance(0.3)) {
    const lostAt = Math.min(contact + rnd.int(1, 72) * HOUR, now);
    event('disqualified', lostAt, { reason: rnd.pick(sampleLossReasons) }, rep);
    return { row: { ...contacted, status: 'disqualified' }, events };
  }
  return { row: { ...contacted, status: 'contacted' }, events };
}
