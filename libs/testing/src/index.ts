export * from './expect-eventually';
export * from './test-temporal';
export * from './oidc-provider/start-oidc-provider';
