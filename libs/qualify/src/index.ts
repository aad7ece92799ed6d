// @baton/qualify: lead qualification for the workflow's qualify step – a local model through
// Ollama, with a deterministic heuristic when the model is down, slow or talking nonsense.

export * from './qualification.schema';
export type { QualifyInput, CustomFieldValue } from './qualify-input';
export type { Qualifier, QualifyOverrides } from './qualifier';
export {
  BUSINESS_PROFILES,
  DEFAULT_BUSINESS_PROFILE,
  type BusinessProfile,
} from './business-profile';
export {
  createQualifier,
  FALLBACK_PREFIX,
  type CreateQualifierOptions,
  type LeadQualifier,
  type QualifyResult,
} from './create-qualifier';
export { MODEL_BUSY_PREFIX, DECIDED_NOW_PREFIX } from './fallback-reasons';
export {
  checkModelHealth,
  type ModelHealth,
  type ModelHealthOptions,
  type ModelHealthStatus,
  probeModel,
  type ModelProbe,
} from './model-health';
export { guardAgainstInjection, INJECTION_MARGIN } from './injection-guard';
export { heuristicQualifier, qualifyByHeuristics } from './heuristic/heuristic-qualifier';
export { createOllamaQualifier, type OllamaQualifierOptions } from './ollama/ollama-qualifier';
export {
  QualifierUnavailableError,
  type QualifierUnavailableReason,
} from './ollama/qualifier-unavailable.error';
export { modelQualificationJsonSchema } from './ollama/model-reply';
export {
  QUALIFICATION_SYSTEM_PROMPT,
  buildQualificationMessages,
  buildSystemPrompt,
} from './ollama/qualification-prompt';
