import { CONSUMER_PROFILES, type BusinessProfile } from '../business-profile';
import type { QualifyInput } from '../qualify-input';
import { classifyMailDomain, emailDomain } from './mail-domains';
import type { Signal } from './signal';
import { clipText } from '@baton/text';

/** "Acme Corp Ltd" → "acme", to compare with the email domain. */
function companyKey(company: string): string {
  return (
    company
      .toLowerCase()
      .replace(/[^a-z0-9 ]/g, '')
      .split(' ')
      .find((word) => word.length >= 3) ?? ''
  );
}

/**
 * How reachable and how identifiable the sender is. A consumer business's customers write from
 * their own mailbox, so a free mail address says nothing against them.
 */
export function contactSignals(input: QualifyInput, profile: BusinessProfile): Signal[] {
  const signals: Signal[] = [];
  const company = input.company?.trim();
  if (company) signals.push({ points: 5, reason: `company given (${clipText(company, 60)})` });

  const domain = emailDomain(input.email);
  if (domain) {
    const kind = classifyMailDomain(domain);
    if (kind === 'business') {
      signals.push({ points: 10, reason: `business email domain (${domain})` });
      const key = company ? companyKey(company) : '';
      if (key && domain.replace(/[^a-z0-9]/g, '').includes(key)) {
        signals.push({ points: 5, reason: 'email domain matches the company' });
      }
    } else if (kind === 'free' && !CONSUMER_PROFILES.has(profile)) {
      signals.push({ points: -5, reason: `free mail address (${domain})` });
    }
  }

  if (input.phone?.trim()) signals.push({ points: 5, reason: 'phone number given' });
  return signals;
}
