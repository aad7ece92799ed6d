export * from './create-test-context';
export * from './start-receiver';
