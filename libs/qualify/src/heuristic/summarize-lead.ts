import { SUMMARY_MAX_LENGTH, type QualificationIntent } from '../qualification.schema';
import type { QualifyInput } from '../qualify-input';
import { squish } from './lead-text';
import { clipText } from '@baton/text';

const headline: Record<QualificationIntent, string> = {
  buying: 'Wants to buy',
  researching: 'Researching',
  support: 'Support request',
  job: 'Job application',
  spam: 'Likely spam',
  other: 'Enquiry',
};

const EXCERPT_LENGTH = 160;

/** "Wants to buy: Jane Doe (Acme) – “Need a quote for 40 seats…”"; the rep's first line. */
export function summarizeLead(input: QualifyInput, intent: QualificationIntent): string {
  const who =
    clipText(squish(input.name), 60) +
    (input.company?.trim() ? ` (${clipText(squish(input.company), 60)})` : '');
  const message = squish(input.message ?? '');
  const said = message ? ` – “${clipText(message, EXCERPT_LENGTH)}”` : ' – no message';
  return clipText(`${headline[intent]}: ${who}${said}`, SUMMARY_MAX_LENGTH);
}
