import { SUMMARY_MAX_LENGTH, type QualificationIntent } from '../qualification.schema';
import type { QualifyInput } from '../qualify-input';
import { squish } from './lead-text';

const headline: Record<QualificationIntent, string> = {
  buying: 'Wants to buy',
  researching: 'Researching',
  support: 'Support request',
  job: 'Job application',
  spam: 'Likely spam',
  other: 'Enquiry',
};

const EXCERPT_LENGTH = 160;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "Wants to buy: Jane Doe (Acme) – “Need a quote for 40 seats…”"; the rep's first line. */
export function summarizeLead(input: QualifyInput, intent: QualificationIntent): string {
  const who =
    clip(squish(input.name), 60) +
    (input.company?.trim() ? ` (${clip(squish(input.company), 60)})` : '');
  const message = squish(input.message ?? '');
  const said = message ? ` – “${clip(message, EXCERPT_LENGTH)}”` : ' – no message';
  return clip(`${headline[intent]}: ${who}${said}`, SUMMARY_MAX_LENGTH);
}
