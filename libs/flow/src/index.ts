// @baton/flow: the routing-flow language. Pure and deterministic (no I/O, no clock, no
// randomness), so the web app, the API and Temporal workflow code all run the same code.

// Graph model
export * from './graph/flow-graph.schema';
export { findTriggerNode, findNode, followHandle } from './graph/graph-navigation';
export * from './graph/diff-graphs';

// Node catalogue
export * from './catalogue/define-node';
export * from './catalogue/node-catalogue';
export * from './catalogue/describe-catalogue';
export * from './catalogue/parse-node-config';
export * from './nodes/trigger/trigger.node';
export * from './nodes/qualify/qualify.node';
export * from './nodes/condition/condition.node';
export * from './nodes/business-hours/business-hours.node';
export * from './nodes/business-hours/business-hours-branch';
export * from './nodes/assign/assign.node';
export * from './nodes/notify/notify.node';
export * from './nodes/wait-for-contact/wait-for-contact.node';
export * from './nodes/escalate/escalate.node';
export * from './nodes/book/book.node';
export * from './nodes/delay/delay.node';
export * from './nodes/delay/delay-until';
export * from './nodes/webhook/webhook.node';
export * from './nodes/custom/custom.node';
export * from './nodes/end/end.node';

// Validation
export { validateGraph } from './validation/validate-graph';
export type { ValidateGraphOptions, KnownReferences } from './validation/validate-graph.options';
export * from './validation/graph-problem';

// Conditions
export * from './conditions/condition.schema';
export type { Facts } from './conditions/facts';
export { readFact, factRoots } from './conditions/facts';
export {
  compilePattern,
  MAX_PATTERN_LENGTH,
  type CompiledPattern,
} from './conditions/compile-pattern';
export {
  evaluateCondition,
  type ClauseTrace,
  type ConditionEvaluation,
} from './conditions/evaluate-condition';
export { describeClause, describeClauseTest } from './conditions/describe-clause';
export {
  chooseConditionBranch,
  ELSE_HANDLE,
  type ConditionBranch,
  type RuleEvaluation,
} from './conditions/choose-condition-branch';

// Business time
export * from './business-time/schedule.schema';
export * from './business-time/sla.schema';
export { BusinessTimeError } from './business-time/business-time.error';
export { isOpen, nextOpening, nextClosing } from './business-time/schedule';
export { addBusinessMinutes } from './business-time/add-business-minutes';
export { slaDeadline, reminderTimes } from './business-time/sla-deadline';
export { findFreeSlots, firstFreeSlot } from './booking/find-free-slots';
export type { BusyInterval, FreeSlotQuery } from './booking/find-free-slots';

// Assignment
export type { RosterPerson } from './assignment/roster';
export {
  pickAssignee,
  type PickAssigneeContext,
  type PickAssigneeResult,
  type ConsideredPerson,
} from './assignment/pick-assignee';
export { assignmentPool, assignmentPoolKey } from './assignment/assignment-pool';

// Routing
export { matchesTrigger, type TriggerInput } from './routing/matches-trigger';

// Templates
export {
  renderTemplate,
  templateVariables,
  escapeHtml,
  type RenderTemplateOptions,
  type TemplateEscape,
} from './templates/render-template';
export {
  buildTemplateVars,
  type TemplatePerson,
  type TemplateVarsInput,
} from './templates/template-vars';

// Simulation
export { simulate, DEFAULT_MAX_STEPS } from './simulation/simulate';
export { simulatePrepared } from './simulation/simulate';
export { prepareFlow, type PreparedFlow } from './simulation/prepared-flow';
export * from './simulation/backtest';
export type * from './simulation/simulation.types';

// Demo
export {
  demoFlowGraph,
  demoFlowRefs,
  createDemoFlowGraph,
  type DemoFlowRefs,
} from './demo/demo-flow.graph';
export { demoOfficeHours } from './demo/demo-office-hours.schedule';
export * from './nodes/node-effects';
