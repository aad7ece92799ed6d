import { Ollama } from 'ollama';

export interface ModelHealthOptions {
  /** OLLAMA_HOST; unset: no model is configured. */
  host?: string;
  /** OLLAMA_MODEL: the model the qualifier asks. */
  model: string;
  /** Health checks must answer fast: a model server that does not is degraded, not waited for. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type ModelHealthStatus = 'up' | 'degraded' | 'not_configured';

export interface ModelHealth {
  status: ModelHealthStatus;
  /** Why it is degraded or not configured, for people reading the check. */
  detail?: string;
}

/** Ollama lists "llama3.2:latest" for a model pulled as "llama3.2". */
const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`);

export interface ModelProbe {
  /** Ollama answered the list of its models. */
  reachable: boolean;
  /** It lists the model (false when it could not be asked). */
  present: boolean;
  detail?: string;
}

/**
 * Is the qualifier's model there? One short GET /api/tags: the server answers and lists the
 * model = up; unreachable, slow, or the model not pulled = degraded (leads then get the
 * heuristic, so this never makes the service unready).
 */
export async function checkModelHealth(options: ModelHealthOptions): Promise<ModelHealth> {
  if (!options.host) return { status: 'not_configured', detail: 'OLLAMA_HOST is not set' };
  const probe = await probeModel({ ...options, host: options.host });
  return probe.present ? { status: 'up' } : { status: 'degraded', detail: probe.detail ?? '' };
}

/** The same question, told apart: does Ollama answer, and does it have the model (the status page). */
export async function probeModel(
  options: ModelHealthOptions & { host: string },
): Promise<ModelProbe> {
  const baseFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const client = new Ollama({
    host: options.host,
    fetch: (url, init) => baseFetch(url, { ...init, signal }),
  });
  try {
    const { models } = await client.list();
    const wanted = withTag(options.model);
    const names = models.flatMap((m) => [m.name, m.model]).map(withTag);
    return names.includes(wanted)
      ? { reachable: true, present: true }
      : {
          reachable: true,
          present: false,
          detail: `model ${options.model} is not pulled on ${options.host}`,
        };
  } catch (error) {
    const message = signal.aborted
      ? `no answer within ${options.timeoutMs} ms`
      : error instanceof Error
        ? error.message
        : String(error);
    return { reachable: false, present: false, detail: `Ollama at ${options.host}: ${message}` };
  }
}
