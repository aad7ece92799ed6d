// The workflow bundle's entry point: every exported function is a workflow type.
export { leadHandoff } from './handoff/lead-handoff.workflow';
export { weeklyReportWorkflow } from './reports/weekly-report.workflow';
