import type { Facts } from '../conditions/facts';

export interface TemplatePerson {
  id: string;
  name: string;
  email?: string | null;
}

export interface TemplateVarsInput {
  facts: Facts;
  owner?: TemplatePerson | null;
  manager?: TemplatePerson | null;
  /** Extra values (links, deadlines) under their own names, e.g. { link: 'https://…' }. */
  extra?: Readonly<Record<string, unknown>>;
}

/**
 * The variables a notify template can use: {{lead.*}}, {{qualification.*}}, {{context.*}},
 * {{owner.name}}, {{manager.name}}, plus extras. One builder so the notify activity, the
 * simulator and the editor's hints agree on the names.
 */
export function buildTemplateVars(input: TemplateVarsInput): Record<string, unknown> {
  return {
    ...input.extra,
    lead: input.facts.lead,
    qualification: input.facts.qualification,
    context: input.facts.context,
    owner: input.owner ?? undefined,
    manager: input.manager ?? undefined,
  };
}
