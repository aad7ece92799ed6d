export * from './leads/lead-intake.schema';
export * from './leads/lead-view.schema';
export * from './leads/lead-actions.schema';
export * from './auth/auth.schema';
export * from './errors/api-error.schema';
export * from './flows';
export * from './people';
export * from './metrics';
