import { type EngineFixture, startEngineFixture } from '../support/engine-fixture';
import { flow } from '../support/flow-graph-builder';

// The qualify node's business profile has to reach the qualifier: a consumer business must
// not mark down a customer for writing from their own gmail address.
describe('the qualify node business profile', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await startEngineFixture('qualify-profile');
  });
  afterAll(() => f.close());

  it('reaches the heuristic through the real workflow', async () => {
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('score', 'qualify', {
          profile: 'home_services',
          hotWhen: 'no heat, leaks, anything we can fix today',
        })
        .node('done', 'end', { outcome: 'other' })
        .edge('start', 'next', 'score')
        .edge('score', 'next', 'done')
        .build(),
    );
    const leadId = await f.sendLead({
      name: 'Sam Patel',
      email: 'sam.patel@gmail.com',
      message: 'Our boiler is making a banging noise, can someone come and look at it next week?',
    });
    await f.waitForEvent(leadId, 'qualified');

    const qualification = (await f.lead(leadId))['qualification'] as {
      method: string;
      reasons: string[];
    };
    expect(qualification.method).toBe('heuristic');
    expect(qualification.reasons.length).toBeGreaterThan(0);
    expect(qualification.reasons.join('\n')).not.toMatch(/free mail/);
  });
});
