import { readFact } from '../../conditions/facts';
import type { AssignmentStrategy, StrategyInput } from '../assignment-strategy';
import { pickLeastLoaded } from './least-loaded.strategy';

const normalise = (s: string): string => s.trim().toLowerCase();

/** The lead's values for a match field, lower-cased; empty when the lead has none. */
function leadValues(field: string | undefined, input: StrategyInput): string[] {
  if (!field || !input.facts) return [];
  const value = readFact(input.facts, field);
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter(
      (v): v is string | number =>
        (typeof v === 'string' && v.trim() !== '') || typeof v === 'number',
    )
    .map((v) => normalise(String(v)));
}

function missing(wanted: string[], has: readonly string[], what: string): string | null {
  // A lead without a value for the field does not narrow the pool: better routed than stuck.
  if (wanted.length === 0) return null;
  const own = new Set(has.map(normalise));
  return wanted.some((w) => own.has(w)) ? null : `missing ${what} "${wanted.join('" or "')}"`;
}

/** People whose skills / territories include the lead's values; least loaded among them. */
export const matchStrategy: AssignmentStrategy = {
  mismatch(person, input) {
    return (
      missing(leadValues(input.config.skillField, input), person.skills, 'skill') ??
      missing(leadValues(input.config.territoryField, input), person.territories, 'territory')
    );
  },
  choose(candidates, input) {
    const chosen = pickLeastLoaded(candidates, input);
    return {
      candidate: chosen,
      why: `matches the lead; fewest open leads (${chosen.person.openLeads})`,
    };
  },
};
