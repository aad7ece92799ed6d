// @ts-check
// `ollama serve` on a free 127.0.0.1 port with its models in the project cache, and the local
// model created in it from its Modelfile (once: `ollama create` is skipped when it is there).
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port.mjs';
import { UserError, tail } from './log.mjs';
import { spawnChild } from './process-group.mjs';
import { toolCacheDir } from './tool-cache.mjs';

/**
 * @typedef {object} OllamaServer
 * @property {string} host http://127.0.0.1:PORT, for OLLAMA_HOST
 * @property {string} model the model's name in that server
 * @property {Promise<import('./process-group.mjs').ExitInfo>} exited
 * @property {() => Promise<void>} stop
 */

/** @param {string} host @param {string} model */
async function hasModel(host, model) {
  const res = await fetch(`${host}/api/tags`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) return false;
  const { models } = /** @type {{ models?: { name?: string }[] }} */ (await res.json());
  return (models ?? []).some((m) => m.name === model || m.name === `${model}:latest`);
}

/**
 * @param {object} options
 * @param {string} options.cli the ollama binary
 * @param {string} options.modelfile the Modelfile (its FROM file beside it)
 * @param {string} options.model the name to create it under
 * @param {string} options.logFile
 * @param {string} [options.modelsDir] OLLAMA_MODELS; the project cache by default, so clones share it
 * @param {number} [options.parallel] OLLAMA_NUM_PARALLEL (default 1: one CPU-bound call at a time)
 * @param {number} [options.timeoutMs]
 * @returns {Promise<OllamaServer>}
 */
export async function startOllama(options) {
  const port = await freePort();
  const host = `http://127.0.0.1:${port}`;
  const modelsDir = options.modelsDir ?? toolCacheDir('ollama-models', 'v1');
  fs.mkdirSync(modelsDir, { recursive: true });
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const env = {
    ...process.env,
    OLLAMA_HOST: `127.0.0.1:${port}`,
    OLLAMA_MODELS: modelsDir,
    OLLAMA_NUM_PARALLEL: String(options.parallel ?? 1),
    OLLAMA_NOPRUNE: '1',
  };
  fs.appendFileSync(options.logFile, `\n--- ${new Date().toISOString()} ${options.cli} serve\n`);
  const child = spawnChild('ollama', options.cli, ['serve'], {
    env,
    output: { file: options.logFile },
  });
  const stop = async () => {
    await child.stop(10_000);
  };
  const failWith = async (/** @type {string} */ message) => {
    await stop();
    const last = tail(fs.readFileSync(options.logFile, 'utf8'), 5).map((l) => `    ${l}`);
    throw new UserError([`${message}; log: ${options.logFile}`, ...last].join('\n'));
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitInfo)
      return failWith(`ollama serve exited at start (code ${child.exitInfo.code})`);
    try {
      if ((await fetch(`${host}/api/version`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) return failWith(`ollama serve did not answer on ${host}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  if (!(await hasModel(host, options.model))) {
    const create = spawnChild(
      'ollama-create',
      options.cli,
      ['create', options.model, '-f', options.modelfile],
      {
        env,
        cwd: path.dirname(options.modelfile),
        output: { file: options.logFile },
      },
    );
    const { code } = await create.exited;
    if (code !== 0) return failWith(`ollama create ${options.model} failed (exit ${code})`);
  }
  return { host, model: options.model, exited: child.exited, stop };
}
