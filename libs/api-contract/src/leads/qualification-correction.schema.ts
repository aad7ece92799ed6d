import { z } from 'zod';

/**
 * The class a person says a lead really is. Coarser than the score on purpose: people agree on
 * "hot or cold" far more often than on 72 vs 65, and these labels are what `eval:qualify`
 * measures models and business profiles against.
 */
export const qualificationClasses = ['hot', 'warm', 'cold', 'spam'] as const;
export const qualificationClassSchema = z.enum(qualificationClasses);
export type QualificationClass = z.infer<typeof qualificationClassSchema>;

/** Score bands of the classes: hot ≥ 70, warm 40-69, cold < 40 (spam whatever the score). */
export const HOT_SCORE_MIN = 70;
export const WARM_SCORE_MIN = 40;

/**
 * The class a stored qualification amounts to, so the page, the timeline and the labels agree on
 * what "hot" means. Null when the qualification says neither spam nor a score.
 */
export function classOfQualification(
  qualification: Readonly<Record<string, unknown>> | null | undefined,
): QualificationClass | null {
  if (!qualification) return null;
  if (qualification['spam'] === true) return 'spam';
  const score = qualification['score'];
  if (typeof score !== 'number' || !Number.isFinite(score)) return null;
  if (score >= HOT_SCORE_MIN) return 'hot';
  if (score >= WARM_SCORE_MIN) return 'warm';
  return 'cold';
}

export const QUALIFICATION_CORRECTION_NOTE_MAX = 500;

/** The body of `POST /api/v1/leads/:id/qualification/corrections`. */
export const qualificationCorrectionSchema = z
  .object({
    class: qualificationClassSchema.describe('What the lead really is'),
    note: z
      .string()
      .trim()
      .max(QUALIFICATION_CORRECTION_NOTE_MAX)
      .optional()
      .describe('Why; an empty note is the same as none'),
  })
  .strict()
  .meta({ id: 'QualificationCorrection' });
export type QualificationCorrectionBody = z.infer<typeof qualificationCorrectionSchema>;

/** A stored correction, as the lead page and the POST answer show it. */
export const qualificationCorrectionViewSchema = z
  .object({
    id: z.uuid(),
    class: qualificationClassSchema,
    /** The class of the qualification it corrected; null when the lead had none yet. */
    previousClass: qualificationClassSchema.nullable(),
    note: z.string().nullable(),
    // Spelled out rather than lead-view's personRefSchema: lead-view imports this file.
    correctedBy: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'QualificationCorrectionView' });
export type QualificationCorrectionView = z.infer<typeof qualificationCorrectionViewSchema>;
