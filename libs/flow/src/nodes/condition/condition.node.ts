import { z } from 'zod';
import { conditionGroupSchema } from '../../conditions/condition.schema';
import { defineNode } from '../../catalogue/define-node';

// Rule ids become handle ids (edges point at them), hence the narrow alphabet and 'else' reserved.
export const conditionRuleSchema = z.object({
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
      'a rule id uses letters, digits, - and _ (at most 64)',
    )
    .refine((id) => id !== 'else', {
      message: '"else" is the fallback exit; give the rule another id',
    }),
  label: z.string().trim().min(1, 'give the rule a label').max(120),
  group: conditionGroupSchema,
});

export const conditionConfigSchema = z
  .object({
    rules: z.array(conditionRuleSchema).min(1, 'add at least one rule').max(50),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `rule id "${rule.id}" is used twice`,
        });
      }
      seen.add(rule.id);
    });
  });
export type ConditionRule = z.output<typeof conditionRuleSchema>;
export type ConditionConfig = z.output<typeof conditionConfigSchema>;

export const conditionNode = defineNode({
  type: 'condition',
  title: 'Condition',
  description:
    'Ordered rules over lead, qualification and context fields; the first rule that matches picks the exit, else "else".',
  category: 'logic',
  configSchema: conditionConfigSchema,
  defaultConfig: {
    rules: [
      {
        id: 'rule-1',
        label: 'Hot lead',
        group: { mode: 'all', clauses: [{ field: 'qualification.score', op: 'gte', value: 70 }] },
      },
    ],
  },
  handles: (config) => [...config.rules.map((rule) => rule.id), 'else'],
});
