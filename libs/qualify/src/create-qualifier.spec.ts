import {
  startFakeOllama,
  unusedPort,
  type FakeOllama,
  type FakeOllamaReply,
} from '../test/fake-ollama-server.util';
import { makeQualifyInput } from '../test/make-qualify-input.util';
import { goodModelAnswer } from '../test/model-answers.fixture';
import { createQualifier } from './create-qualifier';
import { heuristicQualifier } from './heuristic/heuristic-qualifier';
import { qualificationSchema } from './qualification.schema';

const lead = makeQualifyInput({
  name: 'Jane Doe',
  email: 'jane@acme.example',
  company: 'Acme',
  message: 'We need a quote for 40 seats this week, budget $20k.',
});

describe('createQualifier', () => {
  let server: FakeOllama;
  let reply: () => FakeOllamaReply;

  beforeAll(async () => {
    server = await startFakeOllama(() => reply());
  });
  afterAll(() => server.close());

  const qualifier = (host = server.url) =>
    createQualifier({
      ollama: { host, model: 'llama3.2', timeoutMs: 300 },
      fallback: heuristicQualifier,
    });

  it('uses the model when it answers', async () => {
    reply = () => ({ content: JSON.stringify(goodModelAnswer) });
    const result = await qualifier().qualify(lead);
    expect(result).toEqual({ ...goodModelAnswer, method: 'llm', model: 'llama3.2' });
    expect(result.fallbackReason).toBeUndefined();
  });

  it.each([
    ['a garbage reply', () => ({ content: 'I think this is a good lead!' }), /invalid JSON/],
    [
      'a reply that breaks the schema',
      () => ({ content: JSON.stringify({ score: 'high' }) }),
      /does not match the schema/,
    ],
    [
      'a slow model',
      () => ({ content: JSON.stringify(goodModelAnswer), delayMs: 3_000 }),
      /no answer within 300 ms/,
    ],
  ])('falls back to the heuristic on %s', async (_title, answer: () => FakeOllamaReply, why) => {
    reply = answer;
    const result = await qualifier().qualify(lead);
    expect(result.method).toBe('heuristic');
    expect(result.model).toBeUndefined();
    expect(result.fallbackReason).toMatch(/^model down: heuristic used – /);
    expect(result.fallbackReason).toMatch(why);
    expect(result.intent).toBe('buying');
  });

  it('falls back when the server is down', async () => {
    const result = await qualifier(`http://127.0.0.1:${await unusedPort()}`).qualify(lead);
    expect(result).toMatchObject({ method: 'heuristic' });
    expect(result.fallbackReason).toMatch(/^model down: heuristic used – .*unreachable/);
  });

  it('says so when no model is configured', async () => {
    const result = await createQualifier({ fallback: heuristicQualifier }).qualify(lead);
    expect(result).toMatchObject({
      method: 'heuristic',
      fallbackReason: 'model down: heuristic used – no model is configured',
    });
  });

  it('stores a result the schema accepts (the fallback reason is extra)', async () => {
    reply = () => ({ content: 'nope' });
    const { fallbackReason, ...stored } = await qualifier().qualify(lead);
    expect(fallbackReason).toBeDefined();
    expect(qualificationSchema.parse(stored)).toEqual(stored);
  });
});
