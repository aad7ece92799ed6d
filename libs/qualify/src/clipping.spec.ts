// Every place qualification shortens text, fed with emoji: nothing may come out with a lone
// surrogate (PostgreSQL refuses those) or longer than the schema allows.
import { makeQualifyInput } from '../test/make-qualify-input.util';
import { qualifyByHeuristics } from './heuristic/heuristic-qualifier';
import { parseModelReply } from './ollama/model-reply';
import { encodeLeadData } from './ollama/qualification-prompt';
import { QualifierUnavailableError } from './ollama/qualifier-unavailable.error';
import { REASON_MAX_LENGTH, SUMMARY_MAX_LENGTH } from './qualification.schema';

const intact = (text: string) => text.isWellFormed() && !text.includes('\uFFFD');
const emoji = (n: number) => '🔥'.repeat(n);

describe('clipping lead text', () => {
  it('the heuristic summary and reasons (name, company, message, form, budget answer)', () => {
    // Odd offsets: a cut by UTF-16 units would land inside a pair at each clip.
    const result = qualifyByHeuristics(
      makeQualifyInput({
        name: `a${emoji(100)}`,
        company: `b${emoji(100)}`,
        message: `c${emoji(2_000)} budget`,
        customFields: { budget: `d${emoji(60)}` },
        context: { form: `e${emoji(100)}` },
      }),
    );
    expect(intact(result.summary)).toBe(true);
    expect(result.summary.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
    expect(result.reasons.length).toBeGreaterThan(0);
    for (const reason of result.reasons) {
      expect(intact(reason)).toBe(true);
      expect(reason.length).toBeLessThanOrEqual(REASON_MAX_LENGTH);
    }
  });

  it('an over-long model summary and reasons are trimmed between characters', () => {
    // Even lengths of emoji: the old cut at max - 1 units landed inside a pair.
    const reply = parseModelReply(
      JSON.stringify({
        score: 50,
        intent: 'buying',
        urgency: 'high',
        budget: 'unknown',
        spam: false,
        summary: emoji(400),
        reasons: [emoji(200)],
      }),
    );
    expect(intact(reply.summary)).toBe(true);
    expect(reply.summary.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
    expect(intact(reply.reasons[0] ?? '')).toBe(true);
  });

  it('the excerpt of an invalid model answer in the error message', () => {
    let error: unknown;
    try {
      parseModelReply(`{{${emoji(200)}`);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(QualifierUnavailableError);
    expect(intact((error as Error).message)).toBe(true);
  });

  it('the lead values sent to the model', () => {
    const data = encodeLeadData(makeQualifyInput({ message: `z${emoji(5_000)}` }));
    // JSON.stringify escapes lone surrogates as \udXXX: none may appear
    expect(data).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
    expect(intact((JSON.parse(data) as { message: string }).message)).toBe(true);
  });
});
