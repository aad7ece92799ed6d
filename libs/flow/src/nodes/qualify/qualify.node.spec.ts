import { qualifyConfigSchema, qualifyNode } from './qualify.node';

describe('the qualify node config', () => {
  it('keeps saved flows waiting for the model: wait_for_model is the default mode', () => {
    expect(qualifyConfigSchema.parse({})).toMatchObject({
      mode: 'wait_for_model',
      timeoutMs: 15_000,
      profile: 'b2b',
    });
    expect(qualifyConfigSchema.parse(qualifyNode.defaultConfig).mode).toBe('wait_for_model');
  });

  it('accepts decide_now', () => {
    expect(qualifyConfigSchema.parse({ mode: 'decide_now', timeoutMs: 4_000 })).toMatchObject({
      mode: 'decide_now',
      timeoutMs: 4_000,
    });
  });

  it('names the mode field when the mode is unknown', () => {
    const result = qualifyConfigSchema.safeParse({ mode: 'later' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['mode']);
  });

  it('leaves only one out handle whatever the mode: refining never re-routes', () => {
    expect(qualifyNode.handles(qualifyConfigSchema.parse({ mode: 'decide_now' }))).toEqual([
      'next',
    ]);
  });
});
