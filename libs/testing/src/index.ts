export * from './expect-eventually';
export * from './test-temporal';
