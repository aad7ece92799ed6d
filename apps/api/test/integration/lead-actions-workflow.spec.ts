import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '@baton/testing';
import {
  LEAD_HANDOFF_WORKFLOW,
  type LeadHandoffInput,
  leadWorkflowId,
} from '@baton/workflows/contract';
import { LEAD_ACTION_TIMEOUT_MS } from '../../src/leads/actions/lead-actions.service';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestUser } from '../support/seed-test-data';

// Lead actions against a real Temporal server whose task queue no worker polls: the workflow
// exists (or not, or has finished) exactly as each case needs, and nothing answers an update.
describe('lead actions and the state of the lead workflow', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let sourceId: string;
  let connection: Connection;
  let temporal: Client;

  const newLead = async (): Promise<string> => {
    const [lead] = await t.db.dataSource.query(
      `INSERT INTO leads (source_id, name, email, received_at, status) VALUES ($1, 'Ada', 'ada@example.com', now(), 'new') RETURNING id`,
      [sourceId],
    );
    return lead.id;
  };
  const startWorkflow = (leadId: string) => {
    const args: [LeadHandoffInput] = [{ leadId }];
    return temporal.workflow.start(LEAD_HANDOFF_WORKFLOW, {
      taskQueue: t.config.TEMPORAL_TASK_QUEUE,
      workflowId: leadWorkflowId(leadId),
      args,
    });
  };
  const act = async (leadId: string, action: string, body: object = {}) => {
    const { agent, csrf } = await t.signIn(admin.email, admin.password);
    return agent.post(`/api/v1/leads/${leadId}/${action}`).set('X-CSRF-Token', csrf).send(body);
  };

  beforeAll(async () => {
    t = await startApiTestApp('lead-actions-workflow');
    admin = await seedUser(t.db.dataSource, 'admin');
    sourceId = (await seedSource(t.db.dataSource)).id;
    connection = await Connection.connect({ address: testTemporalAddress() });
    temporal = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
    await t?.close();
  });

  it('answers 409 "closed" for a lead whose workflow has finished, not 503 "not started"', async () => {
    const leadId = await newLead();
    const handle = await startWorkflow(leadId);
    await handle.terminate('the lead was handled');

    const res = await act(leadId, 'claim');
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('This lead is closed');
  });

  it('answers 503 with Retry-After when the workflow takes no update in time, instead of hanging', async () => {
    const leadId = await newLead();
    const handle = await startWorkflow(leadId);
    const started = Date.now();

    const res = await act(leadId, 'contacted');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.message).toContain(
      `did not answer within ${LEAD_ACTION_TIMEOUT_MS / 1000}s; try again with the same Idempotency-Key`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(LEAD_ACTION_TIMEOUT_MS - 500);
    await handle.terminate('test over');
  }, 30_000);

  it('waits for the dispatcher to start the workflow of a lead fresh from intake', async () => {
    const leadId = await newLead();
    // Due in a moment, as right after a 202: the request arrives before the workflow exists.
    await t.db.dataSource.query(
      `INSERT INTO workflow_starts (lead_id, next_attempt_at) VALUES ($1, now() + interval '1 second')`,
      [leadId],
    );

    const res = await act(leadId, 'notes', { text: 'Called, left a voicemail' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, ownerId: null, status: 'accepted' });
    const described = await temporal.workflow.getHandle(leadWorkflowId(leadId)).describe();
    expect(described.status.name).toBe('RUNNING');
    await temporal.workflow.getHandle(leadWorkflowId(leadId)).terminate('test over');
  });

  it('still answers 503 "not started" for a lead whose workflow never starts', async () => {
    const leadId = await newLead();
    // Temporal refused the start a moment ago: the marker waits for a later sweep.
    await t.db.dataSource.query(
      `INSERT INTO workflow_starts (lead_id, next_attempt_at) VALUES ($1, now() + interval '1 hour')`,
      [leadId],
    );

    const res = await act(leadId, 'notes', { text: 'Called' });
    expect(res.status).toBe(503);
    expect(res.body.message).toBe(
      "This lead's workflow has not started yet; try again in a moment",
    );
  });
});
