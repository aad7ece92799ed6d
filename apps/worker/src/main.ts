import { hostname } from 'node:os';
import { loadWorkerConfig } from './config/worker-config';
import { installRuntime } from './logging/install-runtime';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  installRuntime(config.LOG_LEVEL);
  // pid@host (the SDK's default, stated here): npm start waits until Temporal lists this identity
  // among the task queue's pollers before it says Baton is ready.
  const running = await startWorker(config, {
    workerOptions: { identity: `${process.pid}@${hostname()}` },
  });
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
