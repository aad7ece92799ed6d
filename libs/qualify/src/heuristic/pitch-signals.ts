import { findTerms, listTerms, termMatcher, type Signal } from './signal';

// Cold pitches and scams talk about the business's own website, growth and money, in the second
// person, and end in a call to reply. Each group is one cue; a real customer rarely hits two.

const weOffer = termMatcher([
  '(?:we|our (?:team|agency|company|firm))(?: can)? (?:help|helps|sell|deliver|provide|offer|create|build|design|redesign|book|specialize|specialise|get|guarantee|generate|drive|bring)',
  'we are (?:a|an) (?:leading|top|award)',
  'nous (?:créons|proposons|offrons|aidons|vendons|réalisons|sommes une agence)',
  '(?:le|les)? ?ofrecemos',
  'ayudamos a',
  'wir (?:bieten|helfen|erstellen|verkaufen|liefern|sind eine agentur)',
  'we (?:do|run|handle|manage)',
  'our [\\p{L}-]+(?: [\\p{L}-]+)? (?:team|service|agency|platform|software) (?:reduces|helps|can|will|gets)',
  '(?:zur verfügung|stellen (?:ihnen|unternehmen))',
  'nous (?:faisons|gérons)',
  'hacemos',
]);
const yourBusiness = termMatcher([
  "your (?:website|site|web ?site|business|practice|clinic|office|firm|law firm|company|listing|listings|agency|brand|online presence|google|contracting business|moving company|plumbing business|shop|store|restaurant)(?:’s|'s)?",
  'votre (?:site|entreprise|cabinet|activité|agence|société)',
  'su (?:sitio|web|p[aá]gina|negocio|empresa|cl[ií]nica|despacho)',
  '(?:ihre|eure) (?:website|webseite|homepage|firma|praxis|kanzlei)',
  'ihr unternehmen',
  'your google business profile',
  'who (?:does|handles|makes) your',
  'unternehmen wie ihrem',
  '(?:images|photos|content) on your',
]);
const growthPromise = termMatcher([
  '\\d+\\+? (?:new |more |qualified |signed |exclusive )?(?:leads|patients|clients|cases|customers|meetings|appointments|calls|reviews)',
  '(?:more|new) (?:leads|patients|clients|customers|traffic|sales|bookings)',
  '(?:page|#) ?(?:1|one)\\b',
  'map pack',
  'google maps',
  'ranking',
  'rank(?:s|ed)? (?:higher|first|on)',
  '(?:\\d+ ?%|twice|2x|3x) (?:faster|more)',
  'grow your',
  'scale your',
  'nouveaux (?:clients|patients)',
  'más clientes',
  'mehr kunden',
  '(?:reduce|reduces|increase|increases|boost|boosts|cut|cuts)(?: [\\p{L}-]+){0,3} by \\d+ ?%',
  'losing (?:revenue|money|customers|clients|patients|leads)',
  '\\d+\\+',
  '[\\p{L}-]+ cases (?:per|a) month',
  'retainer-ready',
]);
const replyCall = termMatcher([
  'reply (?:yes|stop|approved|now|for|with)',
  'book a (?:\\d+ ?(?:min|minute)s? )?(?:call|demo|meeting)',
  'can (?:i|we) send (?:you )?(?:a |the |some )?(?:quote|mockups?|proposal|audit|details|samples?|pricing)',
  'free (?:quote|audit|mockups?|trial|leads|analysis|report|marketing plan|consultation call)',
  'want a free',
  'are you interested',
  'interested\\?',
  'would you be interested',
  "n'hésitez pas",
  'demandez votre',
  'devis gratuit',
  'escr[ií]banos',
  'cont[aá]ctenos',
  'antworten sie',
  'kostenlose(?:s|n)? (?:angebot|analyse)',
  '\\d+ ?min(?:ute)? (?:call|chat)\\??',
  'quick (?:call|chat)',
  'kurzes gespräch',
  'portfolio:',
  'free [\\p{L}-]+ audit',
  '24h turnaround',
]);
const moneyOffer = termMatcher([
  'no credit check',
  'pre-?approved for up to',
  'up to [$€£]?\\d[\\d,.]*k? (?:in |of )?(?:working capital|funding|financing)',
  'working capital',
  'business funding',
  'loans? (?:offer|up to|approved|without)',
  'prêts? (?:jusqu|rapides?|personnels?|sans)',
  'préstamos? (?:personal(?:es)?|rápidos?|sin)',
  'kredite? (?:ohne|bis zu|sofort)',
  'sans justificatif',
  'sin aval',
  'per lead',
  '(?<=\\d)\\s?\\/\\s?lead',
  'exclusive (?:[\\w-]+ ){0,2}leads',
  'we buy (?:houses|homes|cars|any)',
  'sell to us',
  '(?:verified|email|contact) list',
  'deliverability',
  'pay-per-(?:meeting|lead|click)',
  '(?:from|starting at|ab|à partir de|desde) [$€£]?\\d+[\\d,.]* ?[$€£]?(?: ?\\/ ?| per | pro )(?:listing|hour|stunde|heure|hora|month|page|post)',
  'pay per (?:signed )?(?:case|lead|meeting|click|call|appointment)',
]);
const phishing = termMatcher([
  'verify (?:your )?(?:identity|account|email|details)',
  'account (?:has been |was |is )?(?:suspended|locked|closed|disabled|on hold)',
  'password (?:expires|will expire|has expired)',
  'keep (?:your )?(?:current )?password',
  'lose access',
  'permanent(?:ly)? (?:closure|closed|deleted)',
  'unusual (?:sign-?in|activity)',
  'confirm your (?:payment|billing)',
  '(?:will be|has been|be) suspended',
  'verify now',
  'face legal action',
  'copyright infringement',
  'download the evidence',
  'remove (?:it |them )?within',
]);

export interface PitchFinding {
  /** Spam weights (not score points), as spam-signals uses them. */
  evidence: Signal[];
}

/** Cold pitches, lead sellers, loans and phishing sent through the contact form. */
export function detectPitch(text: string, strong: number, weak: number): PitchFinding {
  const evidence: Signal[] = [];
  const scam = [...findTerms(text, phishing), ...findTerms(text, moneyOffer)];
  if (scam.length > 0)
    evidence.push({ points: strong, reason: `scam or money offer: ${listTerms(scam)}` });
  const cues = [weOffer, yourBusiness, growthPromise, replyCall]
    .map((m) => findTerms(text, m))
    .filter((found) => found.length > 0);
  if (cues.length >= 2)
    evidence.push({
      points: strong,
      reason: `sales pitch: ${listTerms(cues.map((c) => c[0] ?? ''))}`,
    });
  else if (cues.length === 1)
    evidence.push({ points: weak, reason: `pitch wording: ${listTerms(cues[0] ?? [])}` });
  return { evidence };
}
