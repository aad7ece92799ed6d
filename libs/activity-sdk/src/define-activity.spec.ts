import { z } from 'zod';
import type { ActivityContext } from './activity-context';
import { ActivityDefinitionError, defineActivity } from './define-activity';
import { definePlugin } from './define-plugin';
import { describeActivity } from './describe-activity';

const context = {} as ActivityContext;

const echo = defineActivity({
  name: 'test.echo',
  version: '1.2.0',
  title: 'Echo',
  description: 'Returns what it got',
  category: 'integration',
  input: z.object({
    text: z.string().min(1).describe('What to say'),
    loud: z.boolean().default(false),
  }),
  output: z.object({ said: z.string() }),
  async run(input) {
    return input.loud
      ? { handle: 'failed', output: { said: input.text.toUpperCase() } }
      : { said: input.text };
  },
});

describe('defineActivity', () => {
  it('defaults the handles to ok and failed and the result handle to the first', async () => {
    expect(echo.handles).toEqual(['ok', 'failed']);
    await expect(echo.run({ text: 'hi', loud: false }, context)).resolves.toEqual({
      handle: 'ok',
      output: { said: 'hi' },
    });
    await expect(echo.run({ text: 'hi', loud: true }, context)).resolves.toEqual({
      handle: 'failed',
      output: { said: 'HI' },
    });
  });

  it('rejects an output that does not match its schema, and a handle it did not declare', async () => {
    const broken = defineActivity({
      ...echo,
      name: 'test.broken',
      run: async () => ({ handle: 'elsewhere', output: { said: 'x' } }),
    });
    await expect(broken.run({ text: 'x', loud: false }, context)).rejects.toThrow(/elsewhere/);
    const wrongShape = defineActivity({
      ...echo,
      name: 'test.wrong',
      run: async () => ({ said: 3 }) as never,
    });
    await expect(wrongShape.run({ text: 'x', loud: false }, context)).rejects.toThrow(/said/);
  });

  it('refuses names, versions and handles the flow language cannot carry', () => {
    expect(() => defineActivity({ ...echo, name: 'Has Spaces' })).toThrow(ActivityDefinitionError);
    expect(() => defineActivity({ ...echo, version: ' ' })).toThrow(/version/);
    expect(() => defineActivity({ ...echo, handles: ['ok', 'ok'] })).toThrow(/repeat/);
    expect(() => defineActivity({ ...echo, handles: ['Not-OK'] })).toThrow(/handle/);
  });

  it('describes itself as JSON Schema for the builder form', () => {
    const described = describeActivity(echo, { name: 'baton-plugin-test', version: '0.0.1' });
    expect(described).toMatchObject({
      name: 'test.echo',
      version: '1.2.0',
      handles: ['ok', 'failed'],
    });
    expect(described.inputSchema).toMatchObject({
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1, description: 'What to say' },
        loud: { type: 'boolean', default: false },
      },
      required: ['text'],
    });
  });

  it('a plugin may not list one activity twice', () => {
    expect(() => definePlugin({ name: 'p', version: '1', activities: [echo, echo] })).toThrow(
      /twice/,
    );
  });
});
