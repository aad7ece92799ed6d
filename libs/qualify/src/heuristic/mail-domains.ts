// Consumer mailbox providers: a lead from one of these is not evidence of a company behind it.
const freeMailDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'tuta.io',
  'zohomail.com',
  'ymail.com',
  'rocketmail.com',
  'btinternet.com',
  'comcast.net',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  't-online.de',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'rediffmail.com',
]);
// Providers with one domain per country (yahoo.co.uk, hotmail.fr, ...).
const freeMailFamilies = /^(?:yahoo|hotmail|outlook|live|gmx|yandex)\.[a-z.]+$/;

// Throwaway inboxes: nobody who wants to be called back uses one.
const disposableMailDomains = new Set([
  'mailinator.com',
  'guerrillamail.com',
  'guerrillamail.net',
  'sharklasers.com',
  '10minutemail.com',
  'tempmail.com',
  'temp-mail.org',
  'yopmail.com',
  'trashmail.com',
  'getnada.com',
  'dispostable.com',
  'maildrop.cc',
  'throwawaymail.com',
  'fakeinbox.com',
]);

export type MailDomainKind = 'business' | 'free' | 'disposable';

/** The domain part of an address, lower case; undefined when there is none. */
export function emailDomain(email: string | null | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return domain || undefined;
}

export function classifyMailDomain(domain: string): MailDomainKind {
  if (disposableMailDomains.has(domain)) return 'disposable';
  if (freeMailDomains.has(domain) || freeMailFamilies.test(domain)) return 'free';
  return 'business';
}
