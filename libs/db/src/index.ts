export * from './entities';
export * from './data-source';
export { SnakeNamingStrategy } from './naming/snake-naming.strategy';
export { DataSource, EntityManager, In, IsNull, type Repository } from 'typeorm';
export { LEAD_CHANGED_CHANNEL } from './lead-changes.channel';
export { ALERT_CHANGED_CHANNEL } from './alert-changes.channel';
export { loadRoster, loadSchedules, OPEN_LEAD_STATUSES } from './roster/load-roster';
export {
  type CorrectedLead,
  type CorrectedLeadInput,
  type CorrectedLeadsFilter,
  loadCorrectedLeads,
} from './labels/corrected-leads.query';
