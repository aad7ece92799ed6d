import type { LeadSourceContext } from '@baton/api-contract';

/** A custom field as intake stores it (jsonb scalar). */
export type CustomFieldValue = string | number | boolean | null;

/**
 * What the qualifiers read about a lead: the stored lead row maps onto it directly (nullable
 * columns included), so the worker passes it without reshaping.
 */
export interface QualifyInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  message?: string | null;
  customFields: Readonly<Record<string, CustomFieldValue>>;
  context: Readonly<LeadSourceContext>;
}
