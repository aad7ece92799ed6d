import { assignNode } from './assign/assign.node';
import { bookNode } from './book/book.node';
import { businessHoursNode } from './business-hours/business-hours.node';
import { conditionNode } from './condition/condition.node';
import { customNode } from './custom/custom.node';
import { delayNode } from './delay/delay.node';
import { endNode } from './end/end.node';
import { escalateNode } from './escalate/escalate.node';
import { notifyNode } from './notify/notify.node';
import { qualifyNode } from './qualify/qualify.node';
import { triggerNode } from './trigger/trigger.node';
import { waitForContactNode } from './wait-for-contact/wait-for-contact.node';
import { webhookNode } from './webhook/webhook.node';
import type { AnyNodeDefinition } from '../catalogue/define-node';

/**
 * Every node type, keyed by its type: the ONE list the catalogue (and, as executors move here, the
 * engine and simulator registries) derive from. See README.md in this folder for adding a node.
 */
export const nodeModules = {
  trigger: triggerNode,
  qualify: qualifyNode,
  condition: conditionNode,
  business_hours: businessHoursNode,
  assign: assignNode,
  notify: notifyNode,
  wait_for_contact: waitForContactNode,
  escalate: escalateNode,
  book: bookNode,
  delay: delayNode,
  webhook: webhookNode,
  custom: customNode,
  end: endNode,
} as const satisfies Record<string, AnyNodeDefinition>;
