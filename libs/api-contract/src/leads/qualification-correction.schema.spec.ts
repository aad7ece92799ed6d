import {
  classOfQualification,
  qualificationCorrectionSchema,
} from './qualification-correction.schema';

describe('classOfQualification', () => {
  it.each([
    [{ score: 100, spam: false }, 'hot'],
    [{ score: 70 }, 'hot'],
    [{ score: 69 }, 'warm'],
    [{ score: 40 }, 'warm'],
    [{ score: 39 }, 'cold'],
    [{ score: 0 }, 'cold'],
    // Spam wins over any score: a bot that says "buy now" is still a bot.
    [{ score: 95, spam: true }, 'spam'],
    [{ spam: true }, 'spam'],
    [{ summary: 'no score' }, null],
    [null, null],
  ] as const)('%j is %s', (qualification, expected) => {
    expect(classOfQualification(qualification)).toBe(expected);
  });
});

describe('qualificationCorrectionSchema', () => {
  it('trims the note and keeps the class', () => {
    expect(
      qualificationCorrectionSchema.parse({ class: 'hot', note: '  asked for pricing ' }),
    ).toEqual({
      class: 'hot',
      note: 'asked for pricing',
    });
  });

  it('names the field that is wrong', () => {
    const bad = qualificationCorrectionSchema.safeParse({
      class: 'lukewarm',
      note: 'x'.repeat(501),
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['class', 'note']);
  });

  it('refuses fields it does not know', () => {
    expect(qualificationCorrectionSchema.safeParse({ class: 'cold', score: 10 }).success).toBe(
      false,
    );
  });
});
