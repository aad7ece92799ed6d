import type { GraphProblemView, NodeTypeDescriptionView } from '@baton/api-contract';
import { createContext, useContext } from 'react';

export interface FlowCanvasLookups {
  catalogue: ReadonlyMap<string, NodeTypeDescriptionView>;
  problems: ReadonlyMap<string, GraphProblemView[]>;
  /** Names of the teams, people, schedules and sources configs point at, by id. */
  names: ReadonlyMap<string, string>;
  /** Exits can be dragged to connect them. */
  editable: boolean;
}

export const FlowCanvasContext = createContext<FlowCanvasLookups>({
  catalogue: new Map(),
  problems: new Map(),
  names: new Map(),
  editable: false,
});

export function useFlowCanvasLookups(): FlowCanvasLookups {
  return useContext(FlowCanvasContext);
}
