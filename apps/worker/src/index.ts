// Public entry for end-to-end tests and tooling that run a worker in-process.
export { startWorker, type RunningWorker } from './worker';
export { loadWorkerConfig, type WorkerConfig } from './config/worker-config';
export { installRuntime } from './logging/install-runtime';
