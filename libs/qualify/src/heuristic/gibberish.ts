import { keyboardMash } from './term-lists';

const VOWEL = /[aeiouy]/;

/**
 * A Latin-letter word nobody would type on purpose: five consonants in a row, almost no
 * vowels, or one letter repeated four times. Other scripts are never judged.
 */
export function isGibberishWord(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return false;
  let run = 0;
  let longestRun = 0;
  let vowels = 0;
  for (const ch of w) {
    if (VOWEL.test(ch)) {
      vowels += 1;
      run = 0;
    } else {
      run += 1;
      longestRun = Math.max(longestRun, run);
    }
  }
  return (
    longestRun >= 5 ||
    (w.length >= 7 && vowels / w.length < 0.15) ||
    /(.)\1{3,}/.test(w) ||
    keyboardMash.test(w)
  );
}

/** At least half of the longer words are gibberish (so one odd product code does not count). */
export function looksLikeGibberish(text: string): boolean {
  const words = (text.match(/[A-Za-z]+/g) ?? []).filter((w) => w.length >= 4);
  if (words.length === 0) return false;
  const gibberish = words.filter(isGibberishWord).length;
  return gibberish > 0 && gibberish / words.length >= 0.5;
}
