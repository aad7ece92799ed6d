import { randomBytes } from 'node:crypto';

/** The Temporal dev server `npm test` started; a clear failure when run some other way. */
export function testTemporalAddress(): string {
  const address = process.env['TEMPORAL_ADDRESS'];
  if (!address)
    throw new Error(
      'TEMPORAL_ADDRESS is not set: run the tests with `npm test`, which starts Temporal.',
    );
  return address;
}

/** A task queue no other test file polls, so parallel test files never steal each other's tasks. */
export const uniqueTaskQueue = (label: string): string =>
  `test-${label}-${randomBytes(4).toString('hex')}`;
