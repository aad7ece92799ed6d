import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';

/** Must run before the first Worker is created: the SDK's runtime is process-wide. */
export function installRuntime(level: LogLevel): void {
  Runtime.install({ logger: new DefaultLogger(level) });
}
