import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createDataSource, type DataSource } from '@baton/db';
import type { ActivityPorts } from './activities/activity-ports';
import { createHandoffActivities } from './activities/create-handoff-activities';
import { FailingStepAlertInterceptor } from './interceptors/failing-step-alert.interceptor';
import { createActivityPorts } from './ports/create-activity-ports';
import { workflowsPath } from './bundle/workflow-source';
import type { WorkerConfig } from './config/worker-config';

export interface RunningWorker {
  worker: Worker;
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

  const ports = deps.ports ?? createActivityPorts(config, dataSource);
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...(config.WORKFLOW_BUNDLE_PATH
      ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } }
      : { workflowsPath }),
    activities: createHandoffActivities(ports),
    interceptors: { activity: [() => ({ inbound: new FailingStepAlertInterceptor(dataSource) })] },
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    ...deps.workerOptions,
  });

  const done = worker.run().finally(async () => {
    if (ownsConnection) await connection.close();
    if (ownsDataSource && dataSource.isInitialized) await dataSource.destroy();
  });

  return {
    worker,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
