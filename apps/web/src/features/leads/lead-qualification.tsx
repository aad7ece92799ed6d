import type { LeadDetail } from '@baton/api-contract';
import { LeadQualificationCorrection } from './lead-qualification-correction';

type Qualification = NonNullable<LeadDetail['qualification']>;

const known = ['score', 'summary', 'reasons', 'spam', 'intent', 'urgency', 'budget'];

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function scoreTone(score: number): string {
  if (score >= 70) return 'high';
  if (score >= 40) return 'medium';
  return 'low';
}

function formatOther(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** What the qualifier (local LLM or heuristic) made of the lead, and people's correction of it. */
export function LeadQualification({
  leadId,
  qualification,
  correction,
}: {
  leadId: string;
  qualification: Qualification;
  correction: LeadDetail['qualificationCorrection'];
}) {
  const score =
    typeof qualification.score === 'number' ? Math.round(qualification.score) : undefined;
  const summary = text(qualification.summary);
  const reasons = Array.isArray(qualification.reasons)
    ? qualification.reasons.filter((r): r is string => typeof r === 'string')
    : [];
  const facts = (['intent', 'urgency', 'budget'] as const).flatMap((key) => {
    const value = text(qualification[key]);
    return value ? [[key, value] as const] : [];
  });
  const others = Object.entries(qualification).filter(
    ([key, value]) => !known.includes(key) && value !== null && value !== undefined,
  );

  return (
    <section className="card" aria-labelledby="lead-qualification-title">
      <h2 className="card-title" id="lead-qualification-title">
        Qualification
      </h2>
      <div className="card-body qualification">
        {score !== undefined && (
          <div className={`qualification-score score-${scoreTone(score)}`}>
            <span className="qualification-score-value">{score}</span>
            <span className="qualification-score-scale">/ 100</span>
            <span className="qualification-meter" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, score))}%` }} />
            </span>
          </div>
        )}
        {qualification.spam === true && (
          <p className="qualification-spam">Flagged as likely spam</p>
        )}
        {summary && <p className="qualification-summary">{summary}</p>}
        {facts.length > 0 && (
          <dl className="qualification-facts">
            {facts.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
        {reasons.length > 0 && (
          <ul className="qualification-reasons">
            {reasons.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
        )}
        {others.length > 0 && (
          <dl className="facts">
            {others.map(([key, value]) => (
              <div key={key} className="fact">
                <dt>{key}</dt>
                <dd>{formatOther(value)}</dd>
              </div>
            ))}
          </dl>
        )}
        <LeadQualificationCorrection
          leadId={leadId}
          qualification={qualification}
          correction={correction}
        />
      </div>
    </section>
  );
}
