export * from './handoff.contract';
export type * from './handoff-activities.contract';
