import type { z } from 'zod';
import type { AnyNodeDefinition } from './define-node';
import { nodeModules } from '../nodes/node-modules';

/** Every node type, keyed by its type; derived from the one list in nodes/node-modules.ts. */
export const nodeCatalogue = nodeModules;

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
