export * from './alert.schema';
export * from './alert-stream-event.schema';
