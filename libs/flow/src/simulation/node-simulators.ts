import { isNodeType, type NodeType } from '../catalogue/node-catalogue';
import type { NodeSimulator } from './node-simulator';
import { assignSimulator } from './simulators/assign.simulator';
import { bookSimulator } from './simulators/book.simulator';
import { businessHoursSimulator } from './simulators/business-hours.simulator';
import { conditionSimulator } from './simulators/condition.simulator';
import { customSimulator } from './simulators/custom.simulator';
import { delaySimulator } from './simulators/delay.simulator';
import { endSimulator } from './simulators/end.simulator';
import { escalateSimulator } from './simulators/escalate.simulator';
import { notifySimulator } from './simulators/notify.simulator';
import { qualifySimulator } from './simulators/qualify.simulator';
import { triggerSimulator } from './simulators/trigger.simulator';
import { waitForContactSimulator } from './simulators/wait-for-contact.simulator';
import { webhookSimulator } from './simulators/webhook.simulator';

/** One simulator per catalogue entry; the mapped type makes a missing one a compile error. */
export const nodeSimulators: { readonly [T in NodeType]: NodeSimulator } = {
  trigger: triggerSimulator,
  qualify: qualifySimulator,
  condition: conditionSimulator,
  business_hours: businessHoursSimulator,
  assign: assignSimulator,
  notify: notifySimulator,
  wait_for_contact: waitForContactSimulator,
  escalate: escalateSimulator,
  book: bookSimulator,
  delay: delaySimulator,
  webhook: webhookSimulator,
  custom: customSimulator,
  end: endSimulator,
};

export function getNodeSimulator(type: string): NodeSimulator | undefined {
  return isNodeType(type) ? nodeSimulators[type] : undefined;
}
