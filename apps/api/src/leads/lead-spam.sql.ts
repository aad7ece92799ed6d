/**
 * A lead set aside as spam (alias `l`): the flow ended it as spam or a person disqualified it as
 * spam (status `spam`), or its qualification says spam. One definition for the inbox's Spam view
 * and for leaving spam out of the other views and of the SLA and completion metrics.
 */
export const SPAM_LEAD = `(l.status = 'spam' OR coalesce(l.qualification @> '{"spam": true}', false))`;

export const NOT_SPAM_LEAD = `NOT ${SPAM_LEAD}`;
