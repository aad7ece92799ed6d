export * from './handoff.contract';
export * from './handoff-messages.contract';
export type * from './handoff-activities.contract';
export * from './weekly-report.contract';
