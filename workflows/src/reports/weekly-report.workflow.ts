import { proxyActivities } from '@temporalio/workflow';
import type { WeeklyReportActivities, WeeklyReportInput } from '../contract/weekly-report.contract';

// A report is worth retrying through an SMTP or database outage, but not for days: next week's
// run brings a fresh one.
const { sendWeeklyReport } = proxyActivities<WeeklyReportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 20,
  },
});

/** One run of a team's weekly report: the week ends when the Schedule fires (workflow time). */
export async function weeklyReportWorkflow(input: WeeklyReportInput): Promise<void> {
  await sendWeeklyReport({ teamId: input.teamId, weekEnding: new Date().toISOString() });
}
