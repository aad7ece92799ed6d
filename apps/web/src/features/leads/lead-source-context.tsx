import type { LeadDetail } from '@baton/api-contract';
import type { ReactNode } from 'react';

/** Only http(s) URLs become links; anything else (javascript:, data:) stays text. */
export function safeHttpUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function UrlValue({ text }: { text: string }) {
  const href = safeHttpUrl(text);
  if (!href) return <>{text}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {text}
    </a>
  );
}

export function LeadSourceContext({ source, context }: Pick<LeadDetail, 'source' | 'context'>) {
  const rows: [string, ReactNode][] = [['Source', source.name]];
  if (context.form) rows.push(['Form', context.form]);
  if (context.campaign) rows.push(['Campaign', context.campaign]);
  const utm = context.utm ?? {};
  for (const key of ['source', 'medium', 'campaign', 'term', 'content'] as const) {
    const value = utm[key];
    if (value) rows.push([`utm_${key}`, value]);
  }
  if (context.landingPage)
    rows.push(['Landing page', <UrlValue key="landing" text={context.landingPage} />]);
  if (context.referrer)
    rows.push(['Referrer', <UrlValue key="referrer" text={context.referrer} />]);

  return (
    <section className="card" aria-labelledby="lead-source-title">
      <h2 className="card-title" id="lead-source-title">
        Source
      </h2>
      <dl className="card-body facts facts-inline">
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
