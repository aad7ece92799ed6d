import type { BusinessProfile } from './business-profile';
import type { Qualification } from './qualification.schema';
import type { QualifyInput } from './qualify-input';

/** Per-call settings from the flow's qualify node; unset values use the qualifier's own. */
export interface QualifyOverrides {
  model?: string;
  timeoutMs?: number;
  /** What kind of business scores the lead; b2b when unset. */
  profile?: BusinessProfile;
  /** The operator's own words on what makes a lead hot: trusted guidance for the model. */
  hotWhen?: string;
}

/** Anything that can score a lead. */
export interface Qualifier {
  qualify(input: QualifyInput, overrides?: QualifyOverrides): Promise<Qualification>;
}
