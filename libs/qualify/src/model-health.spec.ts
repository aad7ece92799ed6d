import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeOllama, startFakeOllama, unusedPort } from '../test/fake-ollama-server.util';
import { checkModelHealth, probeModel } from './model-health';

describe('the model health check', () => {
  let ollama: FakeOllama;
  beforeAll(async () => {
    ollama = await startFakeOllama(() => ({ content: '{}' }), {
      models: ['llama3.2:3b', 'qwen2.5:latest'],
    });
  });
  afterAll(() => ollama.close());

  it('is up when Ollama lists the model, with or without its :latest tag', async () => {
    await expect(
      checkModelHealth({ host: ollama.url, model: 'llama3.2:3b', timeoutMs: 1_000 }),
    ).resolves.toEqual({ status: 'up' });
    await expect(
      checkModelHealth({ host: ollama.url, model: 'qwen2.5', timeoutMs: 1_000 }),
    ).resolves.toEqual({ status: 'up' });
  });

  it('is degraded when the model is not pulled', async () => {
    const health = await checkModelHealth({
      host: ollama.url,
      model: 'mistral:7b',
      timeoutMs: 1_000,
    });
    expect(health).toEqual({
      status: 'degraded',
      detail: expect.stringMatching(/mistral:7b is not pulled/),
    });
  });

  it('is degraded when nothing listens', async () => {
    const host = `http://127.0.0.1:${await unusedPort()}`;
    const health = await checkModelHealth({ host, model: 'llama3.2:3b', timeoutMs: 1_000 });
    expect(health.status).toBe('degraded');
    expect(health.detail).toContain(host);
  });

  it('is degraded, quickly, when Ollama does not answer in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const host = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const health = await checkModelHealth({ host, model: 'llama3.2:3b', timeoutMs: 300 });
      expect(health).toEqual({
        status: 'degraded',
        detail: expect.stringMatching(/no answer within 300 ms/),
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('is not configured without OLLAMA_HOST', async () => {
    await expect(
      checkModelHealth({ model: 'llama3.2:3b', timeoutMs: 1_000 }),
    ).resolves.toMatchObject({ status: 'not_configured' });
  });

  it('tells an Ollama without the model from one that does not answer (the status page)', async () => {
    await expect(
      probeModel({ host: ollama.url, model: 'mistral:7b', timeoutMs: 1_000 }),
    ).resolves.toEqual({
      reachable: true,
      present: false,
      detail: `model mistral:7b is not pulled on ${ollama.url}`,
    });
    const host = `http://127.0.0.1:${await unusedPort()}`;
    await expect(probeModel({ host, model: 'mistral:7b', timeoutMs: 1_000 })).resolves.toEqual({
      reachable: false,
      present: false,
      detail: expect.stringContaining(host),
    });
  });
});
