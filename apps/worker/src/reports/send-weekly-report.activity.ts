import type { WeeklyReport } from '@baton/api-contract';
import type { DataSource } from '@baton/db';
import type { EmailSender } from '@baton/notify';
import type { WeeklyReportActivities } from '@baton/workflows/contract';
import { renderWeeklyReport } from './render-weekly-report';

/** Computes one team's week; the query module shared with the API's metrics plugs in here. */
export type LoadWeeklyReport = (teamId: string, weekEnding: Date) => Promise<WeeklyReport>;

export interface WeeklyReportPorts {
  dataSource: Pick<DataSource, 'query'>;
  email: Pick<EmailSender, 'send'>;
  loadWeeklyReport: LoadWeeklyReport;
  /** Base URL of the web app, for the "open in Baton" link. */
  publicUrl: string;
}

/** The team's manager plus any manager or admin who is a member of it, with an address. */
async function teamManagerEmails(db: WeeklyReportPorts['dataSource'], teamId: string) {
  const rows = (await db.query(
    `SELECT DISTINCT u.email FROM users u
     WHERE u.email IS NOT NULL AND (
       u.id = (SELECT manager_id FROM teams WHERE id = $1)
       OR (u.role IN ('manager', 'admin')
           AND u.id IN (SELECT user_id FROM team_members WHERE team_id = $1)))
     ORDER BY u.email`,
    [teamId],
  )) as { email: string }[];
  return rows.map((r) => r.email);
}

/** Mails the week ending at `weekEnding` to the team's managers (none: nothing is sent). */
export const sendWeeklyReport =
  (ports: WeeklyReportPorts): WeeklyReportActivities['sendWeeklyReport'] =>
  async ({ teamId, weekEnding }) => {
    const to = await teamManagerEmails(ports.dataSource, teamId);
    if (to.length === 0) return { recipients: 0 };
    const report = await ports.loadWeeklyReport(teamId, new Date(weekEnding));
    const url = new URL('/reports/weekly', ports.publicUrl);
    url.searchParams.set('teamId', teamId);
    url.searchParams.set('weekStart', report.weekStart);
    const { subject, text, html } = renderWeeklyReport(report, url.toString());
    await ports.email.send({ to, subject, text, html });
    return { recipients: to.length };
  };
