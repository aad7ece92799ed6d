import type { z } from 'zod';
import { assignNode } from './assign.node';
import { bookNode } from './book.node';
import { businessHoursNode } from './business-hours.node';
import { conditionNode } from './condition.node';
import { customNode } from './custom.node';
import { delayNode } from './delay.node';
import type { AnyNodeDefinition } from './define-node';
import { endNode } from './end.node';
import { escalateNode } from './escalate.node';
import { notifyNode } from './notify.node';
import { qualifyNode } from './qualify.node';
import { triggerNode } from './trigger.node';
import { waitForContactNode } from './wait-for-contact.node';
import { webhookNode } from './webhook.node';

/** Every node type, keyed by its type. Adding a node type = one `*.node.ts` module + one line here. */
export const nodeCatalogue = {
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

/** A set of node definitions by type; validateGraph accepts another one (e.g. with plugin nodes). */
export type NodeCatalogue = Readonly<Record<string, AnyNodeDefinition>>;
export type NodeType = keyof typeof nodeCatalogue;
export type NodeConfig<T extends NodeType> = z.output<(typeof nodeCatalogue)[T]['configSchema']>;

export const nodeTypes = Object.keys(nodeCatalogue) as NodeType[];

export function isNodeType(type: string): type is NodeType {
  return Object.prototype.hasOwnProperty.call(nodeCatalogue, type);
}

/** The definition for a node type, or undefined for a type the catalogue does not know. */
export function getNodeDefinition(
  type: string,
  catalogue: NodeCatalogue = nodeCatalogue,
): AnyNodeDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(catalogue, type) ? catalogue[type] : undefined;
}
