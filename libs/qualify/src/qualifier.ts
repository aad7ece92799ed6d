import type { Qualification } from './qualification.schema';
import type { QualifyInput } from './qualify-input';

/** Per-call settings from the flow's qualify node; unset values use the qualifier's own. */
export interface QualifyOverrides {
  model?: string;
  timeoutMs?: number;
}

/** Anything that can score a lead. */
export interface Qualifier {
  qualify(input: QualifyInput, overrides?: QualifyOverrides): Promise<Qualification>;
}
