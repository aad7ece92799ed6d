import { buildTemplateVars, type Facts } from '@baton/flow';
import { CUSTOM_FIELD_PREFIX, knownFactFields } from './condition-fields';

// What a notify template can say, and a lead to show it with. The variables are the ones
// buildTemplateVars provides (lead, qualification, context, owner, manager) plus the link the
// notify step adds; the preview fills them from a realistic lead so the wording can be judged.

export interface TemplateVariable {
  path: string;
  label: string;
}

const personVariables = (role: 'owner' | 'manager', who: string): TemplateVariable[] => [
  { path: `${role}.name`, label: `${who}'s name` },
  { path: `${role}.email`, label: `${who}'s email` },
];

export const templateVariableList: readonly TemplateVariable[] = [
  ...knownFactFields.map((f) => ({ path: f.path, label: f.label })),
  ...personVariables('owner', 'Owner'),
  ...personVariables('manager', 'Manager'),
  { path: 'link', label: "Link to the lead's page" },
];

const knownPaths = new Set(templateVariableList.map((v) => v.path));

/** Whether Baton fills this variable in a message; custom fields are the sender's own names. */
export function isKnownTemplateVariable(path: string): boolean {
  return (
    knownPaths.has(path) ||
    (path.startsWith(CUSTOM_FIELD_PREFIX) && path.length > CUSTOM_FIELD_PREFIX.length)
  );
}

/** A patient writing to a dental practice about a toothache, scored and assigned. */
export const sampleFacts: Facts = {
  lead: {
    id: 'sample-lead',
    name: 'Maria Alvarez',
    email: 'maria.alvarez@example.com',
    phone: '+1 415 555 0134',
    company: '',
    message:
      "Hi, I've had a throbbing toothache on the lower left since last night and it's getting worse. Can someone see me today or tomorrow morning? I'm a new patient.",
    customFields: { insurance: 'Delta Dental PPO', preferredTime: 'Morning', newPatient: true },
    receivedAt: '2026-11-24T08:12:00.000Z',
    source: { name: 'Website booking form', slug: 'website' },
  },
  qualification: {
    score: 88,
    intent: 'buying',
    urgency: 'high',
    budget: 'unknown',
    spam: false,
    summary: 'New patient with worsening tooth pain asking for an appointment today or tomorrow.',
    reasons: ['Pain that is getting worse', 'Asks for a same-day visit', 'New patient'],
    method: 'heuristic',
  },
  context: {
    form: 'Book an appointment',
    campaign: 'emergency-dentist',
    utm: { source: 'google', medium: 'cpc', campaign: 'emergency-dentist' },
    landingPage: 'https://brightsmile.example.com/emergency',
    referrer: 'https://www.google.com/',
  },
};

export const sampleTemplateVars: Record<string, unknown> = buildTemplateVars({
  facts: sampleFacts,
  owner: { id: 'sample-owner', name: 'Jordan Lee', email: 'jordan@brightsmile.example.com' },
  manager: { id: 'sample-manager', name: 'Dr. Priya Shah', email: 'priya@brightsmile.example.com' },
  extra: { link: 'https://baton.example.com/leads/sample-lead' },
});
