import type { FlowDetail, GraphProblemView, NodeTypeDescriptionView } from '@baton/api-contract';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesState,
  type NodeChange,
  type NodeTypes,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo } from 'react';
import { FlowCanvasContext, type FlowCanvasLookups } from './flow-canvas-context';
import {
  problemsByNode,
  toCanvasEdges,
  toCanvasNodes,
  type FlowCanvasNode,
} from './flow-canvas-model';
import { FlowNode } from './flow-node';

// Defined once, outside render: React Flow re-creates every node when this object changes.
const nodeTypes: NodeTypes = { baton: FlowNode };

/** Wider than this (in graph pixels) and the whole flow would be too small to read at first. */
const readableWidth = 1000;

/**
 * The nodes the canvas opens on: the whole flow when it is narrow enough to read, else its
 * start (the trigger's end); the minimap and "fit view" show the rest.
 */
export function openingNodes(graph: FlowCanvasProps['graph']): { id: string }[] | undefined {
  if (graph.nodes.length === 0) return undefined;
  const left = Math.min(...graph.nodes.map((n) => n.position.x));
  const right = Math.max(...graph.nodes.map((n) => n.position.x));
  if (right - left <= readableWidth) return undefined;
  return graph.nodes.filter((n) => n.position.x - left <= readableWidth).map((n) => ({ id: n.id }));
}

interface FlowCanvasProps {
  graph: FlowDetail['draftGraph'];
  catalogue: NodeTypeDescriptionView[];
  problems: GraphProblemView[];
  onInit?: (instance: ReactFlowInstance<FlowCanvasNode>) => void;
}

/** The draft graph, read-only: pan, zoom and look; editing is the editor's job. */
export function FlowCanvas({ graph, catalogue, problems, onInit }: FlowCanvasProps) {
  const lookups = useMemo<FlowCanvasLookups>(
    () => ({
      catalogue: new Map(catalogue.map((d) => [d.type, d])),
      problems: problemsByNode(problems),
    }),
    [catalogue, problems],
  );
  const graphNodes = useMemo(
    () => toCanvasNodes(graph, lookups.catalogue),
    [graph, lookups.catalogue],
  );
  // Node state (not just props): React Flow records each node's measured size through
  // onNodesChange, and the minimap draws only measured nodes.
  const [nodes, setNodes, applyNodeChanges] = useNodesState(graphNodes);
  // Sizes and selection only: a view never removes or adds nodes, whatever asks it to.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowCanvasNode>[]) =>
      applyNodeChanges(changes.filter((c) => c.type === 'dimensions' || c.type === 'select')),
    [applyNodeChanges],
  );
  useEffect(() => setNodes(graphNodes), [graphNodes, setNodes]);
  const edges = useMemo(() => toCanvasEdges(graph, problems), [graph, problems]);
  const firstView = useMemo(() => openingNodes(graph), [graph]);

  return (
    <FlowCanvasContext.Provider value={lookups}>
      <div className="flow-canvas" aria-label="Flow graph" role="region">
        <ReactFlow<FlowCanvasNode>
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          nodeTypes={nodeTypes}
          onInit={onInit}
          nodesDraggable={false}
          nodesConnectable={false}
          // Read-only: Backspace/Delete must not drop nodes from the view (nor anything else).
          deleteKeyCode={null}
          edgesFocusable={false}
          elementsSelectable
          fitView
          fitViewOptions={{ padding: 0.12, nodes: firstView, maxZoom: 1 }}
          minZoom={0.2}
        >
          <Background gap={20} size={1} color="#d5d9e0" />
          <Controls showInteractive={false} />
          <MiniMap<FlowCanvasNode>
            pannable
            zoomable
            nodeColor={(node) => (lookups.problems.has(node.id) ? '#c9352d' : '#8a94a3')}
          />
        </ReactFlow>
      </div>
    </FlowCanvasContext.Provider>
  );
}
