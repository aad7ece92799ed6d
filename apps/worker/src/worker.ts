import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createDataSource, type DataSource } from '@baton/db';
import { modelTaskQueueFor } from '@baton/workflows/contract';
import type { ActivityPorts } from './activities/activity-ports';
import { createHandoffActivities } from './activities/create-handoff-activities';
import { createModelActivities } from './activities/create-model-activities';
import { FailingStepAlertInterceptor } from './interceptors/failing-step-alert.interceptor';
import { createActivityPorts } from './ports/create-activity-ports';
import { workflowsPath } from './bundle/workflow-source';
import { loadPlugins, parsePluginList } from './plugins/load-plugins';
import { registerActivities } from './plugins/register-activities';
import type { WorkerConfig } from './config/worker-config';

export interface RunningWorker {
  worker: Worker;
  /** Polls the model task queue: runs OLLAMA_PARALLEL model calls at once, the rest queue. */
  modelWorker: Worker;
  /** Resolves when the worker has stopped (after `shutdown`). */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/** Creates and runs a worker; used by main.ts and by the workflow tests alike. */
export async function startWorker(
  config: WorkerConfig,
  deps: {
    dataSource?: DataSource;
    connection?: NativeConnection;
    ports?: ActivityPorts;
    workerOptions?: Partial<WorkerOptions>;
  } = {},
): Promise<RunningWorker> {
  // Before anything connects: a bad plugin stops the worker with its name, not a later step.
  const plugins = await loadPlugins(parsePluginList(config.BATON_PLUGINS));
  const ownsDataSource = !deps.dataSource;
  const dataSource =
    deps.dataSource ??
    createDataSource({
      url: config.DATABASE_URL,
      applicationName: 'baton-worker',
      poolSize: config.DATABASE_POOL_SIZE,
      // Within the 30 s a step may take, so a stuck query fails its attempt instead of hanging it.
      timeouts: { acquireMs: 10_000, statementMs: 20_000 },
    });
  if (!dataSource.isInitialized) await dataSource.initialize();
  const ownsConnection = !deps.connection;
  const connection =
    deps.connection ?? (await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }));

  await registerActivities(dataSource, plugins);
  const ports = deps.ports ?? createActivityPorts(config, dataSource, process.env, plugins);
  const interceptors = {
    activity: [() => ({ inbound: new FailingStepAlertInterceptor(dataSource) })],
  };
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...(config.WORKFLOW_BUNDLE_PATH
      ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } }
      : { workflowsPath }),
    activities: createHandoffActivities(ports),
    interceptors,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    ...deps.workerOptions,
  });
  // A model serves a few calls at a time: past that, calls queue here (each within its lead's
  // budget) instead of all waiting at the model and timing out together.
  const modelWorker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: modelTaskQueueFor(config.TEMPORAL_TASK_QUEUE),
    activities: createModelActivities(ports),
    interceptors,
    maxConcurrentActivityTaskExecutions: config.OLLAMA_PARALLEL,
    ...(deps.workerOptions?.identity ? { identity: deps.workerOptions.identity } : {}),
  });

  // Both run until either stops; then the other is stopped too, so neither is left half-up.
  const runs = [worker, modelWorker].map((w) =>
    w.run().finally(() => {
      for (const other of [worker, modelWorker]) stop(other);
    }),
  );
  const done = Promise.allSettled(runs).then(async (results) => {
    if (ownsConnection) await connection.close();
    if (ownsDataSource && dataSource.isInitialized) await dataSource.destroy();
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  });

  return {
    worker,
    modelWorker,
    done,
    async shutdown() {
      stop(worker);
      stop(modelWorker);
      await done;
    },
  };
}

function stop(worker: Worker): void {
  if (worker.getState() === 'RUNNING') worker.shutdown();
}
