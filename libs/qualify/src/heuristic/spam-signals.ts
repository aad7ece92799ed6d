import type { QualifyInput } from '../qualify-input';
import { looksLikeGibberish } from './gibberish';
import { leadText, squish } from './lead-text';
import { classifyMailDomain, emailDomain } from './mail-domains';
import { detectPitch } from './pitch-signals';
import { findTerms, listTerms, type Signal } from './signal';
import { honeypotFieldNames, spamPhrases } from './term-lists';

// Strong evidence alone marks a lead as spam; weak evidence needs company.
const STRONG = 2;
const WEAK = 1;
export const SPAM_THRESHOLD = 2;

export interface SpamVerdict {
  spam: boolean;
  /** Reasons with spam weights (not score points); listed first when the lead is spam. */
  evidence: Signal[];
}

const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;

function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  return letters.length >= 20 && upper.length / letters.length > 0.8;
}

export function detectSpam(input: QualifyInput, injection = false): SpamVerdict {
  const evidence: Signal[] = [];
  const message = input.message ?? '';
  const text = leadText(input);

  const phrases = findTerms(text, spamPhrases);
  if (phrases.length > 0)
    evidence.push({ points: STRONG, reason: `spam phrases: ${listTerms(phrases)}` });

  evidence.push(...detectPitch(text, STRONG, WEAK).evidence);

  const links = countLinks([message, input.name, input.company ?? ''].join(' '));
  if (links >= 3) evidence.push({ points: STRONG, reason: `${links} links in the message` });
  else if (links === 2) evidence.push({ points: WEAK, reason: '2 links in the message' });

  const filledHoneypots = Object.entries(input.customFields)
    .filter(
      ([key, value]) =>
        honeypotFieldNames.test(key) && value !== null && String(value).trim() !== '',
    )
    .map(([key]) => key);
  if (filledHoneypots.length > 0) {
    evidence.push({
      points: STRONG,
      reason: `hidden form field filled (${listTerms(filledHoneypots)})`,
    });
  }

  if (/https?:\/\/|www\.|@/i.test(input.name)) {
    evidence.push({ points: STRONG, reason: 'name contains a link or an address' });
  }

  if (looksLikeGibberish(message))
    evidence.push({ points: STRONG, reason: 'message looks like gibberish' });
  else if (looksLikeGibberish(input.name))
    evidence.push({ points: WEAK, reason: 'name looks like gibberish' });

  if (isShouting(message)) evidence.push({ points: WEAK, reason: 'message is all capitals' });
  if (/[!?$]{3,}/.test(message))
    evidence.push({ points: WEAK, reason: 'runs of !!!/$$$ punctuation' });

  const domain = emailDomain(input.email);
  if (domain && classifyMailDomain(domain) === 'disposable') {
    evidence.push({ points: WEAK, reason: `disposable email domain (${domain})` });
  }

  if (message && squish(message).toLowerCase() === squish(input.name).toLowerCase()) {
    evidence.push({ points: WEAK, reason: 'message only repeats the name' });
  }

  // Steering the scorer is what bots and pitches do; a real lead rarely needs to.
  if (injection)
    evidence.push({
      points: WEAK,
      reason: 'possible prompt injection: tries to instruct the scorer',
    });

  const weight = evidence.reduce((sum, signal) => sum + signal.points, 0);
  return { spam: weight >= SPAM_THRESHOLD, evidence };
}
