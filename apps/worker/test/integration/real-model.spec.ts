import { createOllamaQualifier, guardAgainstInjection, qualificationSchema } from '@baton/qualify';
import { expectEventually } from '@baton/testing';
import { handoffStateQuery, leadWorkflowId } from '@baton/workflows/contract';
import { type EngineFixture, startEngineFixture } from '../support/engine-fixture';
import { flow } from '../support/flow-graph-builder';

// `npm test` starts a real Ollama with SmolLM2-135M (tools/stack/src/ollama-server.mjs) and
// passes its address. The model is tiny and slow on a CPU: this proves the plumbing (task queue,
// budget, structured format, recorded method), never the quality of its answers.
const host = process.env['BATON_TEST_OLLAMA_HOST'];
const model = process.env['BATON_TEST_OLLAMA_MODEL'];
const BUDGET_MS = 120_000;
// Opt-in: BATON_REAL_MODEL_BURST=60 sends that many leads at once and prints who scored them.
const BURST = Number(process.env['BATON_REAL_MODEL_BURST'] ?? 0);

if (!host || !model) {
  if (process.env['CI'] === 'true') {
    test('the real local model is available in CI', () => {
      throw new Error(
        'BATON_TEST_OLLAMA_HOST/BATON_TEST_OLLAMA_MODEL are not set: .ci/run and npm test must start Ollama with the local model',
      );
    });
  } else {
    test.skip('a lead qualified by the real local model (no Ollama here: run `node tools/stack/src/ollama-cli.mjs --ensure`)', () =>
      undefined);
  }
} else {
  describe(`a lead qualified by the real local model (${model})`, () => {
    let f: EngineFixture;
    beforeAll(async () => {
      f = await startEngineFixture('real-model', {
        model: guardAgainstInjection(createOllamaQualifier({ host, model, timeoutMs: BUDGET_MS })),
      });
      await f.publish(
        flow()
          .node('start', 'trigger')
          .node('score', 'qualify', { profile: 'home_services', timeoutMs: BUDGET_MS })
          .node('done', 'end', { outcome: 'other' })
          .edge('start', 'next', 'score')
          .edge('score', 'next', 'done')
          .build(),
      );
    });
    afterAll(() => f?.close());

    const qualifiedEvents = (leadIds: string[]) =>
      f.db.dataSource.query(
        `SELECT lead_id, data FROM lead_events WHERE lead_id = ANY($1) AND type = 'qualified'`,
        [leadIds],
      ) as Promise<{ lead_id: string; data: Record<string, unknown> }[]>;

    it(
      'goes through the workflow with method llm and a schema-valid answer within the budget',
      async () => {
        const leadId = await f.sendLead({
          name: 'Sam Rivera',
          email: 'sam.rivera@gmail.com',
          message: 'Pipe burst under the kitchen sink, water everywhere. Need a plumber today.',
        });
        await expectEventually(
          async () => {
            const state = await f.client.workflow
              .getHandle(leadWorkflowId(leadId))
              .query(handoffStateQuery);
            expect(state.status).toBe('parked');
          },
          { timeoutMs: BUDGET_MS + 30_000 },
        );
        const [event] = await qualifiedEvents([leadId]);
        if (!event) throw new Error('no qualified event');
        const data = event.data;
        console.log(`real model ${model}: one lead scored in ${String(data['latencyMs'])} ms`);
        expect(data['method']).toBe('llm');
        expect(data['model']).toBe(model);
        expect(data['fallbackReason']).toBeUndefined();
        expect(data['latencyMs']).toEqual(expect.any(Number));
        expect(data['latencyMs'] as number).toBeLessThan(BUDGET_MS);
        const [lead] = (await f.db.dataSource.query(
          `SELECT qualification FROM leads WHERE id = $1`,
          [leadId],
        )) as { qualification: Record<string, unknown> }[];
        expect(qualificationSchema.safeParse(lead?.qualification).success).toBe(true);
      },
      BUDGET_MS + 60_000,
    );

    (BURST > 0 ? it : it.skip)(
      `a burst of ${BURST} leads loses none and reports who scored them`,
      async () => {
        const leadIds: string[] = [];
        for (let i = 0; i < BURST; i++) {
          leadIds.push(
            await f.sendLead({
              name: `Burst ${i}`,
              email: `burst${i}@gmail.com`,
              message: `Our boiler stopped working this morning, no hot water. Can someone come today? (${i})`,
            }),
          );
        }
        await expectEventually(
          async () => {
            const events = await qualifiedEvents(leadIds);
            expect(new Set(events.map((e) => e.lead_id)).size).toBe(BURST);
          },
          { timeoutMs: BUDGET_MS + 120_000 },
        );
        const events = await qualifiedEvents(leadIds);
        const count = (method: string) => events.filter((e) => e.data['method'] === method).length;
        console.log(
          `real-model burst of ${BURST}: llm ${count('llm')}, heuristic ${count('heuristic')}, lost 0`,
        );
        expect(count('llm') + count('heuristic')).toBe(BURST);
      },
      BUDGET_MS + 300_000,
    );
  });
}
