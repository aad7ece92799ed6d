import { z } from 'zod';
import { fieldPathSchema } from '../../conditions/condition.schema';
import { defineNode, type NodeReference } from '../../catalogue/define-node';

export const assignStrategies = [
  'round_robin',
  'weighted',
  'least_loaded',
  'match',
  'specific_user',
] as const;
export type AssignStrategy = (typeof assignStrategies)[number];

export const assignConfigSchema = z
  .object({
    strategy: z.enum(assignStrategies).default('round_robin'),
    teamId: z
      .string()
      .min(1)
      .optional()
      .describe('The team to pick from; its manager is the escalation target'),
    pool: z
      .array(z.string().min(1))
      .max(500)
      .optional()
      .describe('Explicit people to pick from; when set it replaces the team membership'),
    userId: z.string().min(1).optional().describe('The person, for the specific_user strategy'),
    weights: z
      .record(z.string().min(1), z.number().int().min(0).max(100))
      .optional()
      .describe(
        'Per-person share for the weighted strategy; people not listed use their own weight',
      ),
    skillField: fieldPathSchema
      .optional()
      .describe(
        "match: a lead field whose value must be one of the person's skills, e.g. lead.customFields.product",
      ),
    territoryField: fieldPathSchema
      .optional()
      .describe(
        "match: a lead field whose value must be one of the person's territories, e.g. lead.customFields.country",
      ),
    respectSchedules: z
      .boolean()
      .default(true)
      .describe('Skip people whose personal schedule is closed right now'),
  })
  .superRefine((config, ctx) => {
    if (config.strategy === 'specific_user') {
      if (!config.userId)
        ctx.addIssue({ code: 'custom', path: ['userId'], message: 'pick the person to assign to' });
      return;
    }
    if (!config.teamId && !(config.pool && config.pool.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['teamId'],
        message: 'pick a team or list the people to choose from',
      });
    }
    if (config.strategy === 'match' && !config.skillField && !config.territoryField) {
      ctx.addIssue({
        code: 'custom',
        path: ['skillField'],
        message: 'the match strategy needs a skill field, a territory field, or both',
      });
    }
  });
export type AssignConfig = z.output<typeof assignConfigSchema>;

export const assignNode = defineNode({
  type: 'assign',
  title: 'Assign',
  description:
    'Picks an owner by round robin, weight, least load, skill/territory match or a specific person; skips people who are away, out of office, at capacity or off schedule, and records why.',
  category: 'routing',
  configSchema: assignConfigSchema,
  defaultConfig: { strategy: 'round_robin', respectSchedules: true },
  handles: ['assigned', 'nobody'],
  references: (config) => {
    const refs: NodeReference[] = [];
    if (config.teamId) refs.push({ kind: 'team', id: config.teamId, field: 'teamId' });
    if (config.userId) refs.push({ kind: 'user', id: config.userId, field: 'userId' });
    config.pool?.forEach((id, i) => refs.push({ kind: 'user', id, field: `pool.${i}` }));
    for (const id of Object.keys(config.weights ?? {}))
      refs.push({ kind: 'user', id, field: `weights.${id}` });
    return refs;
  },
});
