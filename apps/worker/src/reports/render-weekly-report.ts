import type { WeeklyReport, WeeklyReportRep } from '@baton/api-contract';
import { escapeHtml } from '@baton/flow';

export interface RenderedWeeklyReport {
  subject: string;
  text: string;
  html: string;
}

const BAR_MAX_PX = 160;

function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

function duration(seconds: number | null): string {
  if (seconds === null) return 'n/a';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function money(value: number): string {
  return `$${Math.round(value).toLocaleString('en-US')}`;
}

function headline(report: WeeklyReport): [string, string][] {
  return [
    ['Leads', String(report.leads)],
    ['Speed to lead (median)', duration(report.medianSecondsToContact)],
    ['SLA attainment', percent(report.slaAttainment)],
    ['Completion', percent(report.completion)],
    ['Still open at week end', String(report.agingOpen)],
    ['Estimated revenue leak', money(report.leakedRevenue)],
  ];
}

function repLine(rep: WeeklyReportRep): string {
  return `${rep.name}: ${rep.leads} leads, median ${duration(rep.medianSecondsToContact)}`;
}

// Table bars, not SVG or images: they render in every mail client, Outlook included.
function barChart(report: WeeklyReport): string {
  const most = Math.max(1, ...report.perDay.map((d) => d.leads));
  const rows = report.perDay
    .map((d) => {
      const width = Math.max(d.leads > 0 ? 2 : 0, Math.round((d.leads / most) * BAR_MAX_PX));
      const bar =
        width > 0
          ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td width="${width}" height="12" style="background:#2563eb;font-size:0;line-height:0;">&nbsp;</td></tr></table>`
          : '';
      return `<tr><td style="padding:2px 8px 2px 0;font-size:13px;color:#334155;">${escapeHtml(d.day)}</td><td style="padding:2px 0;">${bar}</td><td style="padding:2px 0 2px 8px;font-size:13px;color:#334155;">${d.leads}</td></tr>`;
    })
    .join('');
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;">${rows}</table>`;
}

function repList(title: string, reps: WeeklyReportRep[]): string {
  if (reps.length === 0) return '';
  const items = reps.map((r) => `<li>${escapeHtml(repLine(r))}</li>`).join('');
  return `<h3 style="font-size:15px;margin:16px 0 4px;">${escapeHtml(title)}</h3><ul style="margin:0;padding-left:20px;font-size:14px;">${items}</ul>`;
}

/** The weekly report email: HTML with inline styles and a table bar chart, plus a text part. */
export function renderWeeklyReport(report: WeeklyReport, reportUrl?: string): RenderedWeeklyReport {
  const week = `${report.weekStart.slice(0, 10)} to ${report.weekEnd.slice(0, 10)}`;
  const subject = `Weekly handoff report: ${report.team.name} (${week})`;
  const lines = headline(report);

  const text = [
    `Weekly handoff report for ${report.team.name}, ${week}`,
    '',
    ...lines.map(([label, value]) => `${label}: ${value}`),
    '',
    'Leads per day:',
    ...report.perDay.map((d) => `  ${d.day}: ${d.leads}`),
    ...(report.bestReps.length
      ? ['', 'Fastest reps:', ...report.bestReps.map((r) => `  ${repLine(r)}`)]
      : []),
    ...(report.worstReps.length
      ? ['', 'Slowest reps:', ...report.worstReps.map((r) => `  ${repLine(r)}`)]
      : []),
    ...(reportUrl ? ['', `Open in Baton: ${reportUrl}`] : []),
  ].join('\n');

  const rows = lines
    .map(
      ([label, value]) =>
        `<tr><td style="padding:4px 16px 4px 0;font-size:14px;color:#475569;">${escapeHtml(label)}</td><td style="padding:4px 0;font-size:14px;font-weight:bold;color:#0f172a;">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const link = reportUrl
    ? `<p style="margin:16px 0 0;font-size:14px;"><a href="${escapeHtml(reportUrl)}" style="color:#2563eb;">Open the report in Baton</a></p>`
    : '';
  const html = `<!doctype html><html><body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#0f172a;background:#ffffff;"><h2 style="font-size:18px;margin:0 0 4px;">Weekly handoff report: ${escapeHtml(report.team.name)}</h2><p style="margin:0 0 12px;font-size:13px;color:#64748b;">${escapeHtml(week)}</p><table role="presentation" cellpadding="0" cellspacing="0" border="0">${rows}</table><h3 style="font-size:15px;margin:16px 0 4px;">Leads per day</h3>${barChart(report)}${repList('Fastest reps', report.bestReps)}${repList('Slowest reps', report.worstReps)}${link}</body></html>`;

  return { subject, text, html };
}
