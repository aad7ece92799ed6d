import { RE2JS } from 're2js';

/** Long enough for any sane filter, short enough that a pasted blob is refused. */
export const MAX_PATTERN_LENGTH = 500;
const CACHE_LIMIT = 256;

export type CompiledPattern = { ok: true; regex: RE2JS } | { ok: false; message: string };

// Compiled patterns are immutable, so caching them is invisible to callers (and deterministic).
const cache = new Map<string, CompiledPattern>();

/**
 * Compiles a `matches` pattern with RE2 (linear-time matching: no catastrophic backtracking).
 * RE2 syntax: no backreferences or lookarounds; `(?i)` at the start ignores case.
 */
export function compilePattern(pattern: string): CompiledPattern {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const compiled = compile(pattern);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function compile(pattern: string): CompiledPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      message: `pattern is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`,
    };
  }
  try {
    return { ok: true, regex: RE2JS.compile(pattern) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `invalid regular expression: ${detail}` };
  }
}
