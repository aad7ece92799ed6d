// The phrases the lead timeline shows when the heuristic scored a lead while a model is
// configured, beside create-qualifier's FALLBACK_PREFIX ("model down: heuristic used").

/** The model was there but gave no answer within the step's budget: queued behind other leads, or slow. */
export const MODEL_BUSY_PREFIX = 'model busy: heuristic used';

/** A decide_now step routed on the heuristic at once; the model may refine the score later. */
export const DECIDED_NOW_PREFIX = 'decided now: heuristic used';
