/** What a team's weekly report Schedule starts. */
export interface WeeklyReportInput {
  teamId: string;
}

/** The worker side of the weekly report: compute the week ending at `weekEnding` and mail it. */
export interface WeeklyReportActivities {
  sendWeeklyReport(input: { teamId: string; weekEnding: string }): Promise<{ recipients: number }>;
}

/** The id of a team's Schedule, so the API can find it again to update or delete it. */
export function weeklyReportScheduleId(teamId: string): string {
  return `weekly-report-${teamId}`;
}
