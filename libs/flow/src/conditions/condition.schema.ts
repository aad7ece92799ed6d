import { z } from 'zod';
import { compilePattern, MAX_PATTERN_LENGTH } from './compile-pattern';

export const conditionOperators = [
  'eq',
  'neq',
  'contains',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'exists',
  'matches',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export const fieldPathSchema = z
  .string()
  .max(200)
  .regex(
    /^(?:lead|qualification|context)(?:\.[^.\s][^.]*)+$/,
    'a field starts with lead., qualification. or context., e.g. lead.email or qualification.score',
  );

const scalarValue = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.null()]);
/** Numbers, or ISO dates/date-times for comparing timestamps. */
const orderedValue = z.union([z.number().finite(), z.string().min(1).max(100)]);

const patternValue = z
  .string()
  .min(1, 'a pattern cannot be empty')
  .max(MAX_PATTERN_LENGTH, `a pattern can be at most ${MAX_PATTERN_LENGTH} characters`)
  .superRefine((pattern, ctx) => {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) ctx.addIssue({ code: 'custom', message: compiled.message });
  });

export const conditionClauseSchema = z.discriminatedUnion('op', [
  z.object({ field: fieldPathSchema, op: z.enum(['eq', 'neq']), value: scalarValue }),
  z.object({
    field: fieldPathSchema,
    op: z.literal('contains'),
    value: z.string().min(1).max(1000),
  }),
  z.object({
    field: fieldPathSchema,
    op: z.literal('in'),
    value: z.array(scalarValue).min(1).max(200),
  }),
  z.object({ field: fieldPathSchema, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: orderedValue }),
  z.object({
    field: fieldPathSchema,
    op: z.literal('between'),
    value: z
      .tuple([orderedValue, orderedValue])
      .refine(([low, high]) => typeof low !== 'number' || typeof high !== 'number' || low <= high, {
        message: 'the first bound must not be greater than the second',
      }),
  }),
  /** value false = the field is missing or empty. */
  z.object({ field: fieldPathSchema, op: z.literal('exists'), value: z.boolean().default(true) }),
  z.object({ field: fieldPathSchema, op: z.literal('matches'), value: patternValue }),
]);

export const conditionGroupSchema = z.object({
  /** all = every clause must hold; any = at least one. */
  mode: z.enum(['all', 'any']).default('all'),
  clauses: z.array(conditionClauseSchema).min(1, 'a rule needs at least one clause').max(50),
});

export type ConditionClause = z.output<typeof conditionClauseSchema>;
export type ConditionGroup = z.output<typeof conditionGroupSchema>;
