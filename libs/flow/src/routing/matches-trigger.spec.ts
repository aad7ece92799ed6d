import { triggerConfigSchema } from '../nodes/trigger/trigger.node';
import { matchesTrigger } from './matches-trigger';

describe('matchesTrigger', () => {
  it.each([
    [{}, { sourceId: 's1' }, true],
    [{ sources: ['s1'] }, { sourceId: 's1' }, true],
    [{ sources: ['s1'] }, { sourceId: 's2' }, false],
    [{ forms: ['Contact'] }, { sourceId: 's1', form: ' contact ' }, true],
    [{ forms: ['Contact'] }, { sourceId: 's1' }, false],
    [{ sources: ['s1'], forms: ['demo'] }, { sourceId: 's1', form: 'contact' }, false],
  ])('%j with %j → %s', (config, lead, expected) => {
    expect(matchesTrigger(triggerConfigSchema.parse(config), lead)).toBe(expected);
  });
});
