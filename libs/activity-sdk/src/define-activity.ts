import { z } from 'zod';
import type { ActivityContext } from './activity-context';

/** Palette groups a custom activity may appear in (the canvas's own groups). */
export const activityCategories = ['ai', 'logic', 'routing', 'messaging', 'integration'] as const;
export type ActivityCategory = (typeof activityCategories)[number];

const namePattern = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const handlePattern = /^[a-z][a-z0-9_]{0,39}$/;

/** The result of run: the handle to leave by (default `ok`) and the output the schema describes. */
export interface ActivityResult<O> {
  handle?: string;
  output: O;
}

export interface ActivitySpec<I extends z.ZodType, O extends z.ZodType> {
  /** Unique across plugins: letters, digits, `.`, `-`, `_`, e.g. `crm.upsert`. */
  name: string;
  /** Recorded in every published flow that uses it. */
  version: string;
  title: string;
  description: string;
  category: ActivityCategory;
  /** The node's settings; the builder draws its form from this schema. */
  input: I;
  output: O;
  /** Out handles; `ok` and `failed` unless said. `failed` is taken when run fails for good. */
  handles?: readonly string[];
  run(
    input: z.output<I>,
    context: ActivityContext,
  ): Promise<ActivityResult<z.input<O>> | z.input<O>>;
}

export interface ActivityDefinition<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  readonly kind: 'baton.activity';
  readonly name: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly category: ActivityCategory;
  readonly input: I;
  readonly output: O;
  readonly handles: readonly string[];
  run(input: z.output<I>, context: ActivityContext): Promise<ActivityResult<z.output<O>>>;
}

export type AnyActivityDefinition = ActivityDefinition<z.ZodType, z.ZodType>;

export class ActivityDefinitionError extends Error {
  override readonly name = 'ActivityDefinitionError';
}

const isResult = (value: unknown): value is ActivityResult<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  'output' in value &&
  Object.keys(value).every((key) => key === 'output' || key === 'handle');

/**
 * Declares a custom workflow step. The worker runs it as a Temporal activity (retried, with
 * the step's idempotency key); the builder shows it in the palette with a form from `input`.
 */
export function defineActivity<I extends z.ZodType, O extends z.ZodType>(
  spec: ActivitySpec<I, O>,
): ActivityDefinition<I, O> {
  if (!namePattern.test(spec.name)) {
    throw new ActivityDefinitionError(
      `activity name "${spec.name}" must be lower-case letters, digits, ".", "-" or "_"`,
    );
  }
  if (!spec.version.trim()) throw new ActivityDefinitionError(`${spec.name}: version is empty`);
  const handles = spec.handles ?? ['ok', 'failed'];
  if (handles.length === 0) throw new ActivityDefinitionError(`${spec.name}: no handles`);
  for (const handle of handles) {
    if (!handlePattern.test(handle)) {
      throw new ActivityDefinitionError(`${spec.name}: handle "${handle}" is not a simple name`);
    }
  }
  if (new Set(handles).size !== handles.length) {
    throw new ActivityDefinitionError(`${spec.name}: handles repeat`);
  }
  return {
    kind: 'baton.activity',
    name: spec.name,
    version: spec.version.trim(),
    title: spec.title,
    description: spec.description,
    category: spec.category,
    input: spec.input,
    output: spec.output,
    handles,
    async run(input, context) {
      const returned = await spec.run(input, context);
      const result = isResult(returned) ? returned : { output: returned };
      const handle = result.handle ?? handles[0] ?? 'ok';
      if (!handles.includes(handle)) {
        throw new ActivityDefinitionError(
          `${spec.name} returned handle "${handle}", not one of ${handles.join(', ')}`,
        );
      }
      // The output is checked so a flow's later steps can rely on its shape.
      return { handle, output: spec.output.parse(result.output) as z.output<O> };
    },
  };
}

export const isActivityDefinition = (value: unknown): value is AnyActivityDefinition =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'baton.activity';
