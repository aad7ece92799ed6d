// @ts-check
// Leads flowing the way a careful source sends them: POST /api/v1/leads at a steady rate, each
// with its own Idempotency-Key, retried (same key, same body) on a connection error, a timeout,
// a 5xx or a 429, until it is answered 202 or its own deadline passes. Only a 202 counts as
// accepted: those are the leads the chaos run then follows to the end.

/**
 * @typedef {object} SentLead
 * @property {string} ref the lead's chaos reference (customFields.chaosRef)
 * @property {'accepted' | 'refused' | 'gave_up'} outcome
 * @property {string | null} id lead id from the 202 body
 * @property {number} attempts
 * @property {string[]} answers what each attempt got: an HTTP status or an error code
 * @property {number} firstSentAt
 */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {string} tag the scenario's form name (source.form), to find its leads again
 * @param {number} n
 */
export function chaosLead(tag, n) {
  const ref = `${tag}-${String(n).padStart(3, '0')}`;
  return {
    ref,
    body: {
      contact: {
        name: `Chaos Lead ${ref}`,
        email: `${ref}@chaos.example`,
        phone: '+44 20 7946 0000',
        company: 'Analytical Engines',
      },
      message: 'We need 40 seats before Q3, can someone call me today?',
      customFields: { chaosRef: ref },
      source: { form: tag, utm: { source: 'chaos', campaign: tag } },
    },
  };
}

/** @param {unknown} error */
function errorCode(error) {
  const e = /** @type {{ name?: string, cause?: { code?: string }, code?: string }} */ (error);
  return e?.cause?.code ?? e?.code ?? e?.name ?? 'error';
}

/**
 * Sends one lead until it is answered (202 or a final 4xx) or `deadline` passes.
 * @param {object} o
 * @param {() => string} o.baseUrl read before every attempt (the API may move)
 * @param {string} o.apiKey
 * @param {string} o.idempotencyKey
 * @param {{ ref: string, body: unknown }} o.lead
 * @param {number} o.deadline epoch ms
 * @returns {Promise<SentLead>}
 */
async function sendOne(o) {
  /** @type {SentLead} */
  const sent = {
    ref: o.lead.ref,
    outcome: 'gave_up',
    id: null,
    attempts: 0,
    answers: [],
    firstSentAt: Date.now(),
  };
  const body = JSON.stringify(o.lead.body);
  let backoff = 500;
  while (Date.now() < o.deadline) {
    sent.attempts++;
    /** @type {number} */
    let retryAfterMs = backoff;
    try {
      const response = await fetch(`${o.baseUrl()}/api/v1/leads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${o.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': o.idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      sent.answers.push(String(response.status));
      if (response.status === 202) {
        sent.outcome = 'accepted';
        sent.id = /** @type {{ id: string }} */ (JSON.parse(text)).id;
        return sent;
      }
      if (response.status < 500 && response.status !== 429) {
        sent.outcome = 'refused';
        sent.answers[sent.answers.length - 1] += ` ${text.slice(0, 200)}`;
        return sent;
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      if (retryAfter > 0) retryAfterMs = retryAfter * 1000;
    } catch (error) {
      sent.answers.push(errorCode(error));
    }
    await sleep(Math.min(retryAfterMs, Math.max(0, o.deadline - Date.now())));
    backoff = Math.min(backoff * 2, 4000);
  }
  return sent;
}

/**
 * Sends `count` leads at `perSecond`, each retried until answered or `giveUpAfterMs` after its
 * first attempt. Resolves when every lead has its outcome.
 * @param {object} o
 * @param {() => string} o.baseUrl
 * @param {string} o.apiKey
 * @param {string} o.tag
 * @param {string} o.runId makes the idempotency keys unique per run
 * @param {number} o.count
 * @param {number} o.perSecond
 * @param {number} o.giveUpAfterMs
 * @param {() => boolean} [o.stopped] stop sending new leads when true
 * @returns {Promise<SentLead[]>}
 */
export async function sendLeads(o) {
  const started = Date.now();
  /** @type {Promise<SentLead>[]} */
  const pending = [];
  for (let n = 1; n <= o.count; n++) {
    if (o.stopped?.()) break;
    const due = started + ((n - 1) * 1000) / o.perSecond;
    await sleep(Math.max(0, due - Date.now()));
    const lead = chaosLead(o.tag, n);
    pending.push(
      sendOne({
        baseUrl: o.baseUrl,
        apiKey: o.apiKey,
        idempotencyKey: `${o.runId}-${lead.ref}`,
        lead,
        deadline: Date.now() + o.giveUpAfterMs,
      }),
    );
  }
  return Promise.all(pending);
}
