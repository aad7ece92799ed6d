// @ts-check
// Did every lead answered 202 come out right, exactly once? Reads the database (the lead, its
// timeline, its in-app alerts), the SMTP sink (its emails) and Temporal (where its workflow is,
// how many attempts each step took) and says, per scenario, which leads are lost or stuck, what
// was delivered or written twice, how long the slowest lead took, and which delayed step left
// no `error` event on the timeline.
import { CHAOS_STEPS, EMAIL_SUBJECT_PREFIX } from './chaos-routing.mjs';

/** After this many failed attempts the worker writes an `error` event (apps/worker/src/interceptors). */
export const ALERT_AFTER_ATTEMPTS = 3;

/** How many events of each type one lead's run of the chaos flow writes. */
const EXPECTED_EVENTS = { received: 1, qualified: 1, assigned: 1, notified: 2 };

/** @typedef {import('./lead-sender.mjs').SentLead} SentLead */
/** @typedef {import('./smtp-sink.mjs').Delivery} Delivery */
/** @typedef {import('./workflow-inspector.mjs').WorkflowInspector} WorkflowInspector */
/** @typedef {import('./workflow-inspector.mjs').StepAttempts} StepAttempts */
/** @typedef {{ query: (text: string, values?: unknown[]) => Promise<{ rows: any[] }> }} Db */

/**
 * @typedef {object} LeadEvent
 * @property {string} lead_id
 * @property {string} type
 * @property {string | null} step_id
 * @property {Record<string, unknown>} data
 * @property {Date} occurred_at
 */

/**
 * @typedef {object} LostLead
 * @property {string} id
 * @property {string} ref
 * @property {string[]} missing what it lacks
 * @property {string[]} timeline its events, `+seconds type@step`
 * @property {string} workflow what Temporal says about it
 */

/**
 * @typedef {object} Audit
 * @property {number} accepted leads answered 202
 * @property {SentLead[]} unanswered leads never answered 202 (refused or given up)
 * @property {LostLead[]} lost answered 202 but not (or not fully) handled
 * @property {string[]} duplicates one line per extra delivery, row or event
 * @property {number | null} longestDelayMs receipt → owner notified (email and in-app), slowest lead
 * @property {{ ref: string, id: string, delayMs: number, timeline: string[], workflow: string } | null} slowest
 * @property {{ ref: string, id: string, timeline: string[], workflow: string }[]} suspects the first
 *   leads with a duplicate or a missing alert, with their timelines
 * @property {string[]} missingAlerts delayed steps without an `error` event
 * @property {StepAttempts[]} delayedSteps steps that failed at least ALERT_AFTER_ATTEMPTS times
 * @property {Map<string, StepAttempts[]>} attempts per lead id
 * @property {Map<string, LeadEvent[]>} events per lead id
 * @property {Map<string, { received_at: Date }>} leads per lead id
 */

/**
 * A lead's timeline in seconds after its receipt: when its workflow started, then each event.
 * @param {{ received_at: Date, workflow_started_at: Date | null }} lead
 * @param {LeadEvent[]} timeline
 */
function describeTimeline(lead, timeline) {
  const t0 = lead.received_at.getTime();
  const at = (/** @type {Date} */ d) => `+${((d.getTime() - t0) / 1000).toFixed(1)}s`;
  return [
    lead.workflow_started_at
      ? `${at(lead.workflow_started_at)} workflow started`
      : 'workflow start not recorded (yet)',
    ...timeline.map(
      (e) =>
        `${at(e.occurred_at)} ${e.type}@${e.step_id ?? '-'}${e.type === 'error' ? ` ${String(e.data['message'] ?? '').slice(0, 200)}` : ''}`,
    ),
  ];
}

/**
 * Leads whose workflow has reached the wait for contact in the database: owner set, SLA started,
 * and the last notification (in-app) written.
 * @param {Db} db
 * @param {string[]} ids
 * @returns {Promise<Set<string>>}
 */
export async function settledLeadIds(db, ids) {
  const { rows } = await db.query(
    `SELECT l.id FROM leads l
     WHERE l.id = ANY($1::uuid[]) AND l.owner_id IS NOT NULL AND l.sla_due_at IS NOT NULL
       AND EXISTS (SELECT 1 FROM lead_events e
                   WHERE e.lead_id = l.id AND e.type = 'notified' AND e.step_id = $2)`,
    [ids, CHAOS_STEPS.inApp],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * @template K, V
 * @param {V[]} items
 * @param {(item: V) => K} keyOf
 */
function groupBy(items, keyOf) {
  /** @type {Map<K, V[]>} */
  const groups = new Map();
  for (const item of items) {
    const k = keyOf(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/**
 * @param {object} o
 * @param {Db} o.db
 * @param {WorkflowInspector} o.workflows
 * @param {string} o.tag the scenario's source.form
 * @param {SentLead[]} o.sent
 * @param {Delivery[]} o.deliveries every email the SMTP sink received so far
 * @returns {Promise<Audit>}
 */
export async function auditLeads(o) {
  const acceptedLeads = o.sent.filter((s) => s.outcome === 'accepted' && s.id);
  const ids = acceptedLeads.map((s) => /** @type {string} */ (s.id));
  const duplicates = [];

  // Stored once per lead sent: a retried request must not make a second lead.
  const stored = await o.db.query(
    `SELECT custom_fields->>'chaosRef' AS ref, count(*)::int AS n FROM leads
     WHERE context->>'form' = $1 GROUP BY 1 HAVING count(*) > 1`,
    [o.tag],
  );
  for (const r of stored.rows) duplicates.push(`lead ${r.ref} stored ${r.n} times`);

  const leadRows = await o.db.query(
    `SELECT l.id, l.received_at, l.workflow_started_at, l.owner_id, l.sla_due_at, l.qualification,
            u.email AS owner_email
     FROM leads l LEFT JOIN users u ON u.id = l.owner_id WHERE l.id = ANY($1::uuid[])`,
    [ids],
  );
  const leads = new Map(leadRows.rows.map((r) => [r.id, r]));
  const eventRows = await o.db.query(
    `SELECT lead_id, type, step_id, data, occurred_at FROM lead_events
     WHERE lead_id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  /** @type {Map<string, LeadEvent[]>} */
  const events = groupBy(eventRows.rows, (e) => e.lead_id);
  const alertRows = await o.db.query(
    `SELECT lead_id, step_id, user_id FROM notifications WHERE lead_id = ANY($1::uuid[])`,
    [ids],
  );
  const alerts = groupBy(alertRows.rows, (a) => a.lead_id);
  const leadOfMail = (/** @type {Delivery} */ d) =>
    d.subject.startsWith(EMAIL_SUBJECT_PREFIX)
      ? d.subject.slice(EMAIL_SUBJECT_PREFIX.length).trim()
      : null;
  const idSet = new Set(ids);
  const scenarioMails = o.deliveries.filter((d) => idSet.has(leadOfMail(d) ?? ''));
  const mails = groupBy(scenarioMails, leadOfMail);
  for (const [messageId, copies] of groupBy(
    scenarioMails.filter((d) => d.messageId),
    (d) => d.messageId,
  )) {
    if (copies.length > 1)
      duplicates.push(`Message-ID ${messageId} delivered ${copies.length} times`);
  }

  /** @type {LostLead[]} */
  const lost = [];
  /** @type {Map<string, StepAttempts[]>} */
  const attempts = new Map();
  const missingAlerts = [];
  /** @type {StepAttempts[]} */
  const delayedSteps = [];
  /** @type {Audit['slowest']} */
  let slowest = null;
  /** @type {Audit['suspects']} */
  const suspects = [];

  for (const sent of acceptedLeads) {
    const id = /** @type {string} */ (sent.id);
    const lead = leads.get(id);
    const timeline = events.get(id) ?? [];
    const leadAlerts = alerts.get(id) ?? [];
    const leadMails = mails.get(id) ?? [];
    /** @type {string[]} */
    const missing = [];
    const duplicatesBefore = duplicates.length;
    const alertsBefore = missingAlerts.length;
    /** @param {string} type @param {string} stepId */
    const eventAt = (type, stepId) =>
      timeline.find((e) => e.type === type && e.step_id === stepId) ?? null;

    // Duplicates, whatever the state of the lead.
    for (const [stepType, copies] of groupBy(timeline, (e) => `${e.type}@${e.step_id}`)) {
      if (copies.length > 1 && copies[0].step_id !== null)
        duplicates.push(`lead ${sent.ref}: event ${stepType} written ${copies.length} times`);
    }
    for (const [type, expected] of Object.entries(EXPECTED_EVENTS)) {
      const n = timeline.filter((e) => e.type === type).length;
      if (n > expected)
        duplicates.push(`lead ${sent.ref}: ${n} ${type} events (one run writes ${expected})`);
    }
    if (leadMails.length > 1) {
      const t0 = lead?.received_at.getTime() ?? sent.firstSentAt;
      const times = leadMails.map((m) => `+${((m.at - t0) / 1000).toFixed(1)}s`).join(', ');
      duplicates.push(`lead ${sent.ref}: ${leadMails.length} emails to its owner, at ${times}`);
    }
    if (leadAlerts.length > 1)
      duplicates.push(`lead ${sent.ref}: ${leadAlerts.length} in-app alerts`);

    let workflow = '';
    try {
      const [state, steps] = await Promise.all([o.workflows.state(id), o.workflows.attempts(id)]);
      attempts.set(id, steps);
      workflow = `workflow ${state.status} at ${state.currentNodeId ?? '-'}`;
      const retried = steps.filter((s) => s.attempts > 1);
      if (retried.length > 0)
        workflow += `; retried: ${retried.map((s) => `${s.stepId ?? s.activity} ×${s.attempts}${s.lastFailure ? ` (${s.lastFailure.slice(0, 120)})` : ''}`).join(', ')}`;
      if (state.status !== 'waiting_for_contact')
        missing.push(`workflow is ${state.status}, not waiting for contact`);
      else if (lead && state.ownerId !== lead.owner_id)
        missing.push(`workflow owner ${state.ownerId} is not the lead's owner ${lead.owner_id}`);
      // A step that kept failing must say so on the timeline.
      for (const step of steps.filter((s) => s.attempts > ALERT_AFTER_ATTEMPTS)) {
        delayedSteps.push(step);
        const stepId = step.stepId;
        const alerted = timeline.some(
          (e) => e.type === 'error' && (stepId === null || (e.step_id ?? '').startsWith(stepId)),
        );
        if (!alerted)
          missingAlerts.push(
            `lead ${sent.ref}: ${stepId ?? step.activity} took ${step.attempts} attempts and left no error event (last failure: ${step.lastFailure ?? '?'})`,
          );
      }
    } catch (error) {
      workflow = `Temporal: ${error instanceof Error ? error.message : String(error)}`;
      missing.push('no workflow to ask');
    }

    if (!lead) {
      missing.push('not in the database');
    } else {
      if (!eventAt('received', 'received#1')) missing.push('received event');
      if (!eventAt('qualified', CHAOS_STEPS.qualify) || !lead.qualification)
        missing.push('qualification');
      if (!eventAt('assigned', CHAOS_STEPS.assign) || !lead.owner_id) missing.push('owner');
      const email = eventAt('notified', CHAOS_STEPS.email);
      const inApp = eventAt('notified', CHAOS_STEPS.inApp);
      if (!email || email.data['delivered'] !== 1)
        missing.push('email notified event (delivered 1)');
      if (!inApp || inApp.data['delivered'] !== 1)
        missing.push('in-app notified event (delivered 1)');
      if (leadMails.length === 0) missing.push('email in the SMTP server');
      else if (leadMails.some((m) => m.to.join(',') !== lead.owner_email))
        missing.push(
          `email to its owner ${lead.owner_email} (sent to ${leadMails.map((m) => m.to.join(',')).join('; ')})`,
        );
      if (!leadAlerts.some((a) => a.step_id === CHAOS_STEPS.inApp && a.user_id === lead.owner_id))
        missing.push('in-app alert for its owner');
      if (!lead.sla_due_at) missing.push('SLA started (waiting for contact)');
      if (email && inApp) {
        const notifiedAt = Math.max(email.occurred_at.getTime(), inApp.occurred_at.getTime());
        const delayMs = notifiedAt - lead.received_at.getTime();
        if (delayMs > (slowest?.delayMs ?? -1)) {
          slowest = {
            ref: sent.ref,
            id,
            delayMs,
            timeline: describeTimeline(lead, timeline),
            workflow,
          };
        }
      }
    }
    const duplicated = duplicates.length > duplicatesBefore;
    if (lead && (duplicated || missingAlerts.length > alertsBefore) && suspects.length < 3)
      suspects.push({ ref: sent.ref, id, timeline: describeTimeline(lead, timeline), workflow });
    if (missing.length > 0) {
      lost.push({
        id,
        ref: sent.ref,
        missing,
        timeline: lead ? describeTimeline(lead, timeline) : [],
        workflow,
      });
    }
  }

  return {
    accepted: acceptedLeads.length,
    unanswered: o.sent.filter((s) => s.outcome !== 'accepted'),
    lost,
    duplicates,
    longestDelayMs: slowest?.delayMs ?? null,
    slowest,
    suspects,
    missingAlerts,
    delayedSteps,
    attempts,
    events,
    leads,
  };
}
