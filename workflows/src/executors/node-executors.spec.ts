import { nodeCatalogue } from '@baton/flow';
import { nodeExecutors } from './node-executors';

describe('node executors', () => {
  const available = Object.values(nodeCatalogue).filter((d) => d.available);

  it.each(available.map((d) => d.type))(
    'the workflow can run every available node type: %s',
    (type) => {
      expect(nodeExecutors.get(type)?.definition.type).toBe(type);
    },
  );

  it('has no executor for a node type the catalogue does not offer', () => {
    for (const type of nodeExecutors.keys()) expect(available.map((d) => d.type)).toContain(type);
  });
});
