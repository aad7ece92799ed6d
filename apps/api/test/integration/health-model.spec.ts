import { type FakeOllama, startFakeOllama } from '@baton/qualify/testing';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

// The model only makes scores better: without it leads get the heuristic, so /health/ready
// reports it and stays 200 whatever state it is in.
describe('the model in /health/ready', () => {
  const models: string[] = [];
  let ollama: FakeOllama;
  let t: ApiTestApp;
  beforeAll(async () => {
    ollama = await startFakeOllama(() => ({ content: '{}' }), { models });
    t = await startApiTestApp('health-model', {
      OLLAMA_HOST: ollama.url,
      OLLAMA_MODEL: 'llama3.2:3b',
    });
  });
  afterAll(async () => {
    await t.close();
    await ollama.close();
  });

  it('is degraded while the model is not pulled, and the service stays ready', async () => {
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      checks: { database: 'up', temporal: 'up', model: 'degraded' },
      details: { model: `model llama3.2:3b is not pulled on ${ollama.url}` },
    });
  });

  it('is up once Ollama lists the model', async () => {
    models.push('llama3.2:3b');
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      checks: { database: 'up', temporal: 'up', model: 'up' },
    });
  });

  it('is degraded, quickly, when Ollama is gone', async () => {
    await ollama.close();
    const started = Date.now();
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.checks).toEqual({ database: 'up', temporal: 'up', model: 'degraded' });
    expect(res.body.details.model).toContain(ollama.url);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('documents the model check in the OpenAPI document', async () => {
    const { body: doc } = await t.http().get('/api/docs-json').expect(200);
    const ready = doc.paths['/health/ready'].get;
    expect(Object.keys(ready.responses).sort()).toEqual(['200', '503']);
    expect(ready.description).toMatch(/never fails readiness/);
    const schema = JSON.stringify(doc.components.schemas.Readiness ?? ready.responses['200']);
    expect(schema).toContain('not_configured');
  });
});
