/**
 * The kinds of business the qualifier knows. The flow's qualify node validates the same list
 * (libs/flow qualify.node.ts); this copy keeps @baton/qualify free of a flow dependency.
 */
export const BUSINESS_PROFILES = [
  'b2b',
  'home_services',
  'dental_medical',
  'legal',
  'real_estate',
  'other',
] as const;
export type BusinessProfile = (typeof BUSINESS_PROFILES)[number];

/** b2b is what every flow got before profiles existed. */
export const DEFAULT_BUSINESS_PROFILE: BusinessProfile = 'b2b';

/** How the prompt names each kind of business to the model. */
export const BUSINESS_PROFILE_LABELS: Readonly<Record<BusinessProfile, string>> = {
  b2b: 'a B2B software or services company',
  home_services:
    'a home services and trades business (plumbing, heating, cooling, electrical, repairs)',
  dental_medical: 'a dental or medical practice',
  legal: 'a law firm',
  real_estate: 'a real estate agency',
  other: 'a business',
};

/** Businesses whose customers are private people, writing from their own mailbox. */
export const CONSUMER_PROFILES: ReadonlySet<BusinessProfile> = new Set([
  'home_services',
  'dental_medical',
  'legal',
  'real_estate',
]);
