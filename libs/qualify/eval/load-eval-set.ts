import fs from 'node:fs';
import path from 'node:path';
import { type EvalCase, evalSetFileSchema } from './eval-case.schema';

export const EVAL_LEADS_DIR = path.join(__dirname, 'leads');

/** Every case of every JSON file in the folder, validated, ids unique across files. */
export function loadEvalSet(dir = EVAL_LEADS_DIR): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Map<string, string>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = evalSetFileSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')),
    );
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(`${file}: ${first?.path.join('.')}: ${first?.message}`);
    }
    for (const c of parsed.data) {
      const other = seen.get(c.id);
      if (other) throw new Error(`${file}: id ${c.id} is also used in ${other}`);
      seen.set(c.id, file);
      cases.push(c);
    }
  }
  return cases;
}
