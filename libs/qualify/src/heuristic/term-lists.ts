import { termMatcher } from './signal';

// Regex sources, matched as whole words, case-insensitively. Kept in one table so a reviewer
// can see (and tune) everything the heuristic reacts to.

export const buyingTerms = termMatcher([
  'quotes?',
  'quotation',
  'pricing',
  'prices?',
  'costs?',
  'purchas(?:e|ing)',
  'buy(?:ing)?',
  '(?:place|purchase) an? order',
  'purchase order',
  'ordering',
  'licen[cs]es?',
  'licensing',
  'seats?',
  'demo',
  'trial',
  'proposal',
  'contract',
  'enterprise plan',
  'onboard(?:ing)?',
  'roll ?out',
  'procurement',
  'invoice',
  'rfp',
  'sign up',
  'upgrade',
  'implementation',
]);

export const researchTerms = termMatcher([
  'more info(?:rmation)?',
  'learn more',
  'curious',
  'compar(?:e|ing|ison)',
  'evaluat(?:e|ing|ion)',
  'considering',
  'looking into',
  'options',
  'how does',
  'do you (?:support|offer|integrate|have|work)',
  'does it',
  'is it possible',
  'case stud(?:y|ies)',
  'whitepaper',
  'brochure',
  'alternatives?',
  'features?',
  'integrat(?:e|es|ion|ions)',
]);

export const jobTerms = termMatcher([
  'cv',
  'resume',
  'résumé',
  'curriculum vitae',
  'jobs?',
  'job (?:opening|application)',
  'vacanc(?:y|ies)',
  'internships?',
  'careers?',
  'open (?:position|role)s?',
  'apply for',
  'application for',
  'hiring manager',
  'employment',
  'join your team',
  'work for you',
]);

export const supportTerms = termMatcher([
  'not working',
  "(?:doesn't|does not|won't|will not) work",
  'bugs?',
  'errors?',
  'broken',
  'crash(?:es|ed|ing)?',
  "(?:can't|cannot|unable to) (?:log ?in|sign in|access)",
  'log ?in (?:issue|problem)s?',
  'password reset',
  'reset my password',
  'my account',
  'refund',
  'cancel my',
  'existing customer',
  'support ticket',
  'ticket',
  'outage',
  'is down',
  '(?:help|issue|problem) with my',
]);

export const highUrgencyTerms = termMatcher([
  'today',
  'tonight',
  'asap',
  'a\\.s\\.a\\.p\\.?',
  'as soon as possible',
  'urgent(?:ly)?',
  'immediately',
  'right (?:away|now)',
  'this week',
  'tomorrow',
  'by (?:monday|tuesday|wednesday|thursday|friday|eod|end of (?:day|week))',
  'deadline',
  'time[- ]sensitive',
]);

export const mediumUrgencyTerms = termMatcher([
  'next week',
  'this month',
  'next month',
  'soon',
  '(?:this|next) quarter',
  'q[1-4]',
  'in the coming weeks',
  'within (?:a|one|two|three|\\d+) (?:weeks?|months?)',
]);

export const noBudgetTerms = termMatcher([
  'no budget',
  "(?:don't|do not) have (?:a|any) budget",
  "(?:can't|cannot) afford",
  'for free',
  'free version only',
  'zero budget',
]);

export const spamPhrases = termMatcher([
  'seo',
  'search engine optimi[sz]ation',
  'first page of google',
  'rank(?:ing)? (?:your|higher)',
  'backlinks?',
  'guest posts?',
  'web(?:site)? design services',
  'increase (?:your )?(?:traffic|sales)',
  'lead generation services',
  'crypto(?:currency)?',
  'bitcoin',
  'casino',
  'viagra',
  'cialis',
  'loan offer',
  'make money',
  'work from home',
  'click here',
  'limited time offer',
  'dear (?:sir/madam|sir or madam|sir|madam|website owner)',
  'we are a leading',
  'app development company',
  'offshore',
  '100% guaranteed',
  'act now',
]);

// Typing along a keyboard row is the classic bot / test-submission filler (tested per word).
export const keyboardMash = /asdf|sdfg|dfgh|fghj|ghjk|hjkl|qwer|zxcv|xcvb|cvbn|vbnm/i;

// Fields a form hides from humans; only bots fill them.
export const honeypotFieldNames =
  /^(?:honeypot|hp|_?gotcha|bot[-_]?field|fax|website_hp|url_hp|confirm_email_hp|leave_blank)$/i;
