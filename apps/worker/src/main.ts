import { loadWorkerConfig } from './config/worker-config';
import { installRuntime } from './logging/install-runtime';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  installRuntime(config.LOG_LEVEL);
  const running = await startWorker(config);
  console.log(
    `Worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`,
  );
  // The SDK installs SIGINT/SIGTERM handlers that shut the worker down gracefully.
  await running.done;
}

main().catch((err: unknown) => {
  console.error(`Worker stopped: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
