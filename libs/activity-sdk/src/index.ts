export * from './activity-context';
export * from './define-activity';
export * from './define-plugin';
export * from './describe-activity';
