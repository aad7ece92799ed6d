/** One piece of evidence the heuristic found, with its effect on the score. */
export interface Signal {
  points: number;
  reason: string;
}

/**
 * Builds one case-insensitive, whole-word matcher from a list of regex sources (ours, never
 * user input). Unicode-aware boundaries so "résumé" and "licences" match as words.
 */
export function termMatcher(sources: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** The distinct terms (lower case, in order of first appearance) a matcher finds in the text. */
export function findTerms(text: string, matcher: RegExp): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(matcher)) {
    const term = match[0].toLowerCase().replace(/\s+/g, ' ');
    if (!found.includes(term)) found.push(term);
  }
  return found;
}

/** "quote, pricing, demo" with at most `max` items, so reasons stay short. */
export function listTerms(terms: readonly string[], max = 3): string {
  const shown = terms.slice(0, max).join(', ');
  return terms.length > max ? `${shown}, …` : shown;
}
