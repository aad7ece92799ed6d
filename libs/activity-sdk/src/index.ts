export * from './activity-context';
export * from './define-activity';
export * from './define-plugin';
export * from './describe-activity';
export * from './guarded-http-client';
export * from './secret-variable';
