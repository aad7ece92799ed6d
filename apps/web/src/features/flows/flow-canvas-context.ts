import type { GraphProblemView, NodeTypeDescriptionView } from '@baton/api-contract';
import { createContext, useContext } from 'react';
import type { CanvasAnnotations } from './flow-canvas-annotations';

export interface FlowCanvasLookups {
  catalogue: ReadonlyMap<string, NodeTypeDescriptionView>;
  problems: ReadonlyMap<string, GraphProblemView[]>;
  /** Names of the teams, people, schedules and sources configs point at, by id. */
  names: ReadonlyMap<string, string>;
  /** Exits can be dragged to connect them. */
  editable: boolean;
  /** A simulated path or live numbers drawn over the nodes; null for the plain graph. */
  annotations: CanvasAnnotations | null;
}

export const FlowCanvasContext = createContext<FlowCanvasLookups>({
  catalogue: new Map(),
  problems: new Map(),
  names: new Map(),
  editable: false,
  annotations: null,
});

export function useFlowCanvasLookups(): FlowCanvasLookups {
  return useContext(FlowCanvasContext);
}
