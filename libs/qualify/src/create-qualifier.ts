import type { Qualification } from './qualification.schema';
import type { Qualifier, QualifyOverrides } from './qualifier';
import type { QualifyInput } from './qualify-input';
import { guardAgainstInjection } from './injection-guard';
import { createOllamaQualifier, type OllamaQualifierOptions } from './ollama/ollama-qualifier';
import { QualifierUnavailableError } from './ollama/qualifier-unavailable.error';

/** The phrase the lead timeline shows whenever the heuristic stood in for the model. */
export const FALLBACK_PREFIX = 'model down: heuristic used';

export type QualifyResult = Qualification & {
  /** Set when the fallback answered: why the model did not ("model down: heuristic used – …"). */
  fallbackReason?: string;
};

export interface LeadQualifier {
  qualify(input: QualifyInput, overrides?: QualifyOverrides): Promise<QualifyResult>;
}

export interface CreateQualifierOptions {
  /** Omit when no model is configured; every lead then gets the fallback, with that reason. */
  ollama?: OllamaQualifierOptions;
  fallback: Qualifier;
}

/**
 * The qualify step: the model when it answers, the fallback when it does not, and always a
 * result. Only QualifierUnavailableError falls back; anything else is a bug and is thrown.
 */
export function createQualifier(options: CreateQualifierOptions): LeadQualifier {
  const model = options.ollama
    ? guardAgainstInjection(createOllamaQualifier(options.ollama))
    : undefined;

  return {
    async qualify(input, overrides) {
      if (!model) {
        const result = await options.fallback.qualify(input, overrides);
        return { ...result, fallbackReason: `${FALLBACK_PREFIX} – no model is configured` };
      }
      try {
        return await model.qualify(input, overrides);
      } catch (error) {
        if (!(error instanceof QualifierUnavailableError)) throw error;
        const result = await options.fallback.qualify(input, overrides);
        return { ...result, fallbackReason: `${FALLBACK_PREFIX} – ${error.message}` };
      }
    },
  };
}
