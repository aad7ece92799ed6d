// @ts-check
// The routing every chaos lead takes, set up through the API as an admin would: a flow with one
// path and no clock in it (the demo flow branches on office hours and score), published, the
// demo source pointed at it, and the demo team's caps lifted so hundreds of open leads still
// find an owner. trigger → qualify → assign (round robin) → email the owner → alert the owner
// in-app → wait for contact (a 4-hour wall-clock SLA, so nothing moves on during the run).
import { OLLAMA_TIMEOUT_MS } from './chaos-stack.mjs';

/** Node ids of the chaos flow; each is visited once, so its steps are `<id>#1`. */
export const CHAOS_STEPS = {
  qualify: 'qualify#1',
  assign: 'assign#1',
  email: 'email-owner#1',
  inApp: 'alert-owner#1',
  wait: 'wait-for-contact#1',
};

/** Subject of the owner's email: the lead id in it lets the SMTP sink count mail per lead. */
export const EMAIL_SUBJECT_PREFIX = 'Chaos lead ';

/** @param {string} teamId */
function chaosGraph(teamId) {
  /**
   * @param {string} id @param {string} type @param {number} x @param {Record<string, unknown>} config
   */
  const node = (id, type, x, config) => ({
    id,
    type,
    position: { x: x * 260, y: 0 },
    data: { config },
    label: id,
  });
  /** @param {string} source @param {string} handle @param {string} target */
  const edge = (source, handle, target) => ({
    id: `${source}.${handle}->${target}`,
    source,
    sourceHandle: handle,
    target,
  });
  return {
    nodes: [
      node('trigger', 'trigger', 0, { sources: [], forms: [] }),
      node('qualify', 'qualify', 1, { timeoutMs: OLLAMA_TIMEOUT_MS }),
      node('assign', 'assign', 2, { strategy: 'round_robin', teamId, respectSchedules: false }),
      node('email-owner', 'notify', 3, {
        channel: 'email',
        to: 'owner',
        subject: `${EMAIL_SUBJECT_PREFIX}{{lead.id}}`,
        body: 'Hi {{owner.name}},\n\n{{lead.name}} wrote:\n\n{{lead.message}}\n\n{{link}}',
      }),
      node('alert-owner', 'notify', 4, {
        channel: 'in_app',
        to: 'owner',
        body: 'New lead: {{lead.name}}',
      }),
      node('wait-for-contact', 'wait_for_contact', 5, {
        sla: { minutes: 240, mode: 'wall' },
        reminders: [],
      }),
      node('end-contacted', 'end', 6, { outcome: 'contacted' }),
      node('end-unhandled', 'end', 6, { outcome: 'unhandled' }),
    ],
    edges: [
      edge('trigger', 'next', 'qualify'),
      edge('qualify', 'next', 'assign'),
      edge('assign', 'assigned', 'email-owner'),
      edge('assign', 'nobody', 'end-unhandled'),
      edge('email-owner', 'next', 'alert-owner'),
      edge('alert-owner', 'next', 'wait-for-contact'),
      edge('wait-for-contact', 'contacted', 'end-contacted'),
      edge('wait-for-contact', 'breached', 'end-unhandled'),
    ],
  };
}

/** A signed-in admin: session cookie plus the CSRF token on writes. */
class AdminSession {
  /** @param {string} baseUrl */
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = '';
    this.csrf = '';
  }

  /** @param {{ email: string, password: string }} login */
  async signIn(login) {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login),
      signal: AbortSignal.timeout(15_000),
    });
    if (response.status !== 200)
      throw new Error(
        `sign-in as ${login.email} answered ${response.status}: ${await response.text()}`,
      );
    const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
    this.cookie = cookies.join('; ');
    this.csrf = cookies.find((c) => c.startsWith('baton_csrf='))?.slice('baton_csrf='.length) ?? '';
  }

  /**
   * @param {string} method
   * @param {string} url
   * @param {unknown} [body]
   * @param {number} [expected]
   * @returns {Promise<any>}
   */
  async call(method, url, body, expected = 200) {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (response.status !== expected)
      throw new Error(`${method} ${url} answered ${response.status} (wanted ${expected}): ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

/**
 * Publishes the chaos flow and sends the demo source's leads to it.
 * @param {string} baseUrl
 * @param {{ email: string, password: string }} login the demo admin
 * @returns {Promise<{ flowId: string, teamId: string }>}
 */
export async function setUpChaosRouting(baseUrl, login) {
  const admin = new AdminSession(baseUrl);
  await admin.signIn(login);
  const teams =
    /** @type {{ items: { id: string, name: string, members: { id: string }[] }[] }} */ (
      await admin.call('GET', '/api/v1/teams')
    );
  const team = teams.items.find((t) => t.name === 'Sales');
  if (!team) throw new Error('the demo seed has no Sales team');
  // The demo reps take 25 open leads each; a chaos run leaves hundreds open.
  for (const member of team.members)
    await admin.call('PATCH', `/api/v1/users/${member.id}`, { capacity: null });

  const flow = await admin.call(
    'POST',
    '/api/v1/flows',
    { name: 'Chaos routing', description: 'npm run test:chaos', graph: chaosGraph(team.id) },
    201,
  );
  await admin.call('POST', `/api/v1/flows/${flow.id}/publish`, undefined, 201);
  const sources = /** @type {{ items: { id: string, slug: string }[] }} */ (
    await admin.call('GET', '/api/v1/sources')
  );
  const source = sources.items.find((s) => s.slug === 'website');
  if (!source) throw new Error('the demo seed has no "website" source');
  await admin.call('PATCH', `/api/v1/sources/${source.id}`, { flowId: flow.id });
  return { flowId: flow.id, teamId: team.id };
}
