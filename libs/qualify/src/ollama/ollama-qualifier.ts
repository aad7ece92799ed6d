import { Ollama, type ChatResponse } from 'ollama';
import type { Qualification } from '../qualification.schema';
import type { Qualifier, QualifyOverrides } from '../qualifier';
import type { QualifyInput } from '../qualify-input';
import { modelQualificationJsonSchema, parseModelReply } from './model-reply';
import { buildQualificationMessages } from './qualification-prompt';
import { QualifierUnavailableError } from './qualifier-unavailable.error';

export interface OllamaQualifierOptions {
  /** e.g. http://127.0.0.1:11434 (OLLAMA_HOST). */
  host: string;
  model: string;
  /** The whole call – connect, generate, read – must finish within this. */
  timeoutMs: number;
  /** Replaces the global fetch (proxies, tests). */
  fetch?: typeof fetch;
}

// Errors can come from another realm (fetch's internals, test sandboxes), so they are read by
// shape, not by instanceof.
interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  /** Set by the ollama client when Ollama answered with an HTTP error status. */
  status_code?: unknown;
}
const shapeOf = (error: unknown): ErrorShape =>
  typeof error === 'object' && error !== null ? (error as ErrorShape) : {};

/** "fetch failed (ECONNREFUSED)": the message plus the underlying code, which says the most. */
function describe(error: unknown): string {
  const { message, cause } = shapeOf(error);
  const text = typeof message === 'string' ? message : String(error);
  const inner = shapeOf(cause);
  const detail =
    typeof inner.code === 'string'
      ? inner.code
      : typeof inner.message === 'string'
        ? inner.message
        : undefined;
  return detail ? `${text} (${detail})` : text;
}

/** Maps whatever the client threw into one of the typed reasons. */
function unavailable(error: unknown, where: string): QualifierUnavailableError {
  if (error instanceof QualifierUnavailableError) return error;
  const { name, status_code: status } = shapeOf(error);
  if (typeof status === 'number') {
    return new QualifierUnavailableError(
      'model_error',
      `${where} answered ${status}: ${describe(error)}`,
      { cause: error },
    );
  }
  if (name === 'SyntaxError') {
    return new QualifierUnavailableError(
      'invalid_reply',
      `${where} sent a reply that is not JSON`,
      { cause: error },
    );
  }
  return new QualifierUnavailableError(
    'unreachable',
    `${where} is unreachable: ${describe(error)}`,
    { cause: error },
  );
}

/**
 * Runs `work` with an abort signal and a hard deadline. The ollama client has no timeout for
 * non-streaming calls, so the signal goes into its fetch; the race guarantees the deadline even
 * with a fetch that ignores signals.
 */
async function withDeadline<T>(
  timeoutMs: number,
  message: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new QualifierUnavailableError('timeout', message));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Qualifies a lead with a local model through Ollama's chat API: structured output constrained
 * by the JSON Schema of `modelQualificationSchema`, temperature 0, lead text delimited as
 * untrusted data. Throws QualifierUnavailableError for anything short of a valid answer.
 */
export function createOllamaQualifier(options: OllamaQualifierOptions): Qualifier {
  const baseFetch = options.fetch ?? fetch;

  return {
    async qualify(input: QualifyInput, overrides?: QualifyOverrides): Promise<Qualification> {
      const model = overrides?.model ?? options.model;
      const timeoutMs = overrides?.timeoutMs ?? options.timeoutMs;
      const where = `Ollama at ${options.host} (model ${model})`;

      const response: ChatResponse = await withDeadline(
        timeoutMs,
        `${where} gave no answer within ${timeoutMs} ms`,
        async (signal) => {
          // A client per call: its fetch carries this call's abort signal.
          const client = new Ollama({
            host: options.host,
            fetch: (url, init) => baseFetch(url, { ...init, signal }),
          });
          try {
            return await client.chat({
              model,
              messages: buildQualificationMessages(input, overrides),
              format: modelQualificationJsonSchema,
              options: { temperature: 0 },
              stream: false,
            });
          } catch (error) {
            throw unavailable(error, where);
          }
        },
      );

      const content: unknown = response?.message?.content;
      if (typeof content !== 'string') {
        throw new QualifierUnavailableError(
          'invalid_reply',
          `${where} sent a reply without message.content`,
        );
      }
      return { ...parseModelReply(content), method: 'llm', model };
    },
  };
}
