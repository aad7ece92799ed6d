import type { GraphProblemView, NodeTypeDescriptionView } from '@baton/api-contract';
import { createContext, useContext } from 'react';

export interface FlowCanvasLookups {
  catalogue: ReadonlyMap<string, NodeTypeDescriptionView>;
  problems: ReadonlyMap<string, GraphProblemView[]>;
}

export const FlowCanvasContext = createContext<FlowCanvasLookups>({
  catalogue: new Map(),
  problems: new Map(),
});

export function useFlowCanvasLookups(): FlowCanvasLookups {
  return useContext(FlowCanvasContext);
}
