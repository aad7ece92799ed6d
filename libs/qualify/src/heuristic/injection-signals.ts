import { findTerms, listTerms } from './signal';
import { termMatcher } from './signal';

// Text written to steer a language model rather than to reach a person: instructions to the
// "AI", forged roles and prompt structure, or an answer dictated in the qualification's format.
const injectionPatterns = termMatcher([
  '(?:ignore|disregard|forget|override|bypass)(?: [\\p{L}-]+){0,3}? (?:instructions?|prompts?|rules|guidelines|directions|context|criteria)',
  '(?:output|assign|give|return|set|put)(?: (?:a|the|this|it|me|lead|this lead))? (?:a )?(?:score|rating)(?: of| to| =|:)? ?(?:100|9\\d)',
  '(?:ai|assistant|model|llm|bot|gpt)s? (?:reading|processing|scoring) this',
  'this is (?:a )?(?:hot|priority|vip|qualified) (?:lead|customer)',
  'you are now',
  '(?:new|updated|real|actual) (?:instructions?|system prompt)',
  'system prompt',
  '(?:you are|act as|pretend to be|you must act as) (?:now |an? )?(?:ai|assistant|language model|chatgpt|gpt|llm|qualifier|scorer)',
  'as an ai',
  'dear (?:ai|assistant|model|bot|llm|chatgpt)',
  '(?:note|message|instruction) (?:to|for) (?:the )?(?:ai|assistant|model|llm|bot|scorer|qualifier)',
  '(?:ai|llm|model|assistant|bot|scorer)s?[,:] (?:please )?(?:score|rate|mark|classify|set|output|return|respond)',
  '(?:score|rate|mark|classify|flag|set|label|treat|prioriti[sz]e) (?:this|me|it|the lead|this lead|my (?:lead|request|message)) (?:as |at |with |to )?(?:an? )?(?:(?:score )?(?:of )?100|hot|high(?:est)? priority|top priority|qualified|vip|urgent|not spam)',
  '(?:score|rating|priority)\\s*[:=]\\s*(?:100|9\\d|hot|high)',
  '"(?:score|spam|intent|urgency)"\\s*:',
  'spam\\s*[:=]\\s*false',
  '(?:^|\\n)\\s*(?:system|assistant)\\s*:',
  'jailbreak',
  'do anything now',
  'prompt injection',
  'ignoriere (?:alle |die )?(?:vorherigen |bisherigen )?(?:anweisungen|instruktionen)',
  'ignore[zr]? (?:toutes )?(?:les )?(?:instructions|consignes) (?:précédentes)?',
  'ignora (?:todas )?(?:las )?instrucciones(?: anteriores)?',
]);

// Forged prompt structure: tags and chat-template tokens, matched anywhere.
const forgedStructure =
  /<\/?\s*(?:lead_data|system|assistant|user|instructions?)\s*>|<\|im_(?:start|end)\|>|\[\/?(?:inst|system)\]/giu;

export interface InjectionFinding {
  suspected: boolean;
  /** The pieces of text that looked like instructions, for the timeline. */
  evidence: string[];
}

/** Does the lead's text try to instruct the model? Read over every field a person typed. */
export function detectInjection(text: string): InjectionFinding {
  const found = [...findTerms(text, injectionPatterns), ...findTerms(text, forgedStructure)].map(
    (t) => t.slice(0, 60),
  );
  return { suspected: found.length > 0, evidence: found };
}

export const describeInjection = (finding: InjectionFinding) =>
  `possible prompt injection (${listTerms(finding.evidence, 2)})`;
