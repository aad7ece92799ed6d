import { z } from 'zod';
import {
  REASON_MAX_LENGTH,
  REASONS_MAX_COUNT,
  SUMMARY_MAX_LENGTH,
  modelQualificationSchema,
  type ModelQualification,
} from '../qualification.schema';
import { QualifierUnavailableError } from './qualifier-unavailable.error';
import { clipText } from '@baton/text';

/** The JSON Schema sent as Ollama's `format`, generated from the one zod schema. */
export const modelQualificationJsonSchema: Record<string, unknown> = (() => {
  // Ollama needs only the schema body; the draft URI is noise in every request.
  const { $schema: _draft, ...schema } = z.toJSONSchema(modelQualificationSchema) as Record<
    string,
    unknown
  >;
  return schema;
})();

/**
 * Local models honour the types and enums of `format` but often ignore maxLength/maxItems.
 * Trimming an over-long summary or reasons list keeps an otherwise good answer instead of
 * discarding it; every other deviation is a schema mismatch.
 */
function trimLengths(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const reply = { ...(value as Record<string, unknown>) };
  if (typeof reply['summary'] === 'string')
    reply['summary'] = clipText(reply['summary'], SUMMARY_MAX_LENGTH);
  if (Array.isArray(reply['reasons'])) {
    reply['reasons'] = reply['reasons']
      .slice(0, REASONS_MAX_COUNT)
      .map((r: unknown) => (typeof r === 'string' ? clipText(r, REASON_MAX_LENGTH) : r));
  }
  return reply;
}

/** Turns the model's message content into a validated qualification, or says why it cannot. */
export function parseModelReply(content: string): ModelQualification {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new QualifierUnavailableError(
      'invalid_json',
      `the model answered with invalid JSON: ${clipText(content, 120)}`,
    );
  }
  const parsed = modelQualificationSchema.safeParse(trimLengths(json));
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new QualifierUnavailableError(
      'schema_mismatch',
      `the model's answer does not match the schema: ${clipText(issues, 300)}`,
    );
  }
  return parsed.data;
}
