import type { NodeExecutor } from './node-executor';
import { assignExecutor } from './assign.executor';
import { bookExecutor } from './book.executor';
import { businessHoursExecutor } from './business-hours.executor';
import { conditionExecutor } from './condition.executor';
import { customExecutor } from './custom.executor';
import { delayExecutor } from './delay.executor';
import { endExecutor } from './end.executor';
import { escalateExecutor } from './escalate.executor';
import { notifyExecutor } from './notify.executor';
import { qualifyExecutor } from './qualify.executor';
import { triggerExecutor } from './trigger.executor';
import { waitForContactExecutor } from './wait-for-contact.executor';
import { webhookExecutor } from './webhook.executor';

/** Every node type the workflow can run, by type. A spec checks it covers the available catalogue. */
export const nodeExecutors: ReadonlyMap<string, NodeExecutor> = new Map(
  [
    triggerExecutor,
    qualifyExecutor,
    conditionExecutor,
    businessHoursExecutor,
    assignExecutor,
    notifyExecutor,
    waitForContactExecutor,
    escalateExecutor,
    delayExecutor,
    webhookExecutor,
    bookExecutor,
    customExecutor,
    endExecutor,
  ].map((e) => [e.definition.type, e]),
);
