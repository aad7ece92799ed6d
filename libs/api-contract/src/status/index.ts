export * from './system-status.schema';
