import type { FlowDetail, GraphProblemView, NodeTypeDescriptionView } from '@baton/api-contract';
import type { FlowPosition } from '@baton/flow';
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type NodeTypes,
  type OnDelete,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type Ref,
} from 'react';
import { DEFAULT_NODE_SIZE, type NodeSize } from './flow-auto-layout';
import type { CanvasAnnotations } from './flow-canvas-annotations';
import { FlowCanvasContext, type FlowCanvasLookups } from './flow-canvas-context';
import {
  mergeCanvasNodes,
  problemsByNode,
  toCanvasEdges,
  toCanvasNodes,
  type FlowCanvasNode,
} from './flow-canvas-model';
import type { GraphUpdate } from './flow-editor-history';
import {
  connect,
  connectionRefusal,
  moveNodes,
  reconnect,
  removeElements,
} from './flow-graph-edits';
import { FlowNode } from './flow-node';

// Defined once, outside render: React Flow re-creates every node when this object changes.
const nodeTypes: NodeTypes = { baton: FlowNode };

/** The drag-and-drop type a palette entry carries: the node type to add. */
export const NODE_TYPE_MIME = 'application/x-baton-node-type';

/** One array for good: React Flow re-subscribes its key listeners whenever this changes. */
const DELETE_KEYS = ['Backspace', 'Delete'];

/** Below this zoom node text is too small to read. */
const READABLE_ZOOM = 0.6;

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

/** What the editor needs of the canvas it does not get through the graph. */
export interface FlowCanvasHandle {
  /** Selects just this node (one added a moment ago included), or nothing. */
  select(nodeId: string | null): void;
  /** Selects exactly these nodes (pasted ones included). */
  selectMany(nodeIds: readonly string[]): void;
  /** The size each node was drawn at, for auto-layout. */
  sizes(): Map<string, NodeSize>;
  /** Fits the whole flow (or these nodes) in view. */
  fit(nodeIds?: string[]): void;
  /** Pans (at the same zoom) so a node at this graph position is in view, if it is not. */
  reveal(position: FlowPosition): void;
}

/** Editing callbacks; without them the canvas is a read-only view. */
export interface FlowCanvasEditing {
  edit(update: GraphUpdate, coalesce?: string): void;
  /** The nodes now selected, whenever that changes. */
  onSelectionChange(nodeIds: string[]): void;
  /** A palette entry was dropped here, at this graph position. */
  onDropNodeType(type: string, position: FlowPosition): void;
}

interface FlowCanvasProps {
  graph: FlowDetail['draftGraph'];
  catalogue: NodeTypeDescriptionView[];
  problems: GraphProblemView[];
  names?: ReadonlyMap<string, string>;
  editing?: FlowCanvasEditing;
  /** A simulated path or a live version's numbers, drawn over the graph. */
  annotations?: CanvasAnnotations | null;
  onInit?: (instance: ReactFlowInstance<FlowCanvasNode>) => void;
  ref?: Ref<FlowCanvasHandle>;
}

const noNames: ReadonlyMap<string, string> = new Map();

/** An edge of a simulated path drawn bold and moving; the rest fade back. */
function traceEdge(edge: Edge, onPath: ReadonlySet<string>): Partial<Edge> {
  const taken = onPath.has(edge.id);
  const classes = [edge.className, taken ? 'flow-edge-on-path' : 'flow-edge-off-path'];
  return { className: classes.filter(Boolean).join(' '), animated: taken, zIndex: taken ? 1 : 0 };
}

/** The flow graph: a read-only view to pan, zoom and look, or, with `editing`, the editor's canvas. */
export function FlowCanvas({
  graph,
  catalogue,
  problems,
  names = noNames,
  editing,
  annotations = null,
  onInit,
  ref,
}: FlowCanvasProps) {
  const editable = editing !== undefined;
  const lookups = useMemo<FlowCanvasLookups>(
    () => ({
      catalogue: new Map(catalogue.map((d) => [d.type, d])),
      problems: problemsByNode(problems),
      names,
      editable,
      annotations,
    }),
    [catalogue, problems, names, editable, annotations],
  );
  const graphNodes = useMemo(
    () => toCanvasNodes(graph, lookups.catalogue),
    [graph, lookups.catalogue],
  );
  // Node state (not just props): React Flow records each node's measured size and selection
  // through onNodesChange, and the minimap draws only measured nodes.
  const [nodes, setNodes] = useState<FlowCanvasNode[]>(graphNodes);
  // Nodes to select with the next graph (one added in the same edit is not drawn yet). Used
  // once: a stale request must not override what the person selected since.
  const selectNext = useRef<string[] | undefined>(undefined);
  const drawnIds = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const select = selectNext.current;
    selectNext.current = undefined;
    drawnIds.current = new Set(graphNodes.map((n) => n.id));
    setNodes((previous) => mergeCanvasNodes(previous, graphNodes, select));
  }, [graphNodes]);

  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const edges = useMemo<Edge[]>(
    () =>
      toCanvasEdges(graph, problems).map((edge) => ({
        ...edge,
        ...(annotations?.kind === 'trace' ? traceEdge(edge, annotations.edges) : {}),
        selected: selectedEdges.has(edge.id),
        focusable: editable,
        deletable: editable,
        reconnectable: editable,
      })),
    [graph, problems, selectedEdges, editable, annotations],
  );

  // Sizes, selection and the position while dragging stay in the canvas; adding and removing
  // go through the graph (onDelete), so a view never drops a node whatever asks it to.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowCanvasNode>[]) => {
      const kept = changes.filter(
        (c) =>
          c.type === 'dimensions' || c.type === 'select' || (editable && c.type === 'position'),
      );
      if (kept.length > 0) setNodes((previous) => applyNodeChanges(kept, previous));
    },
    [editable],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      if (!editable) return;
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length === 0) return;
      setSelectedEdges((previous) => {
        const next = new Set(previous);
        for (const c of selects) {
          if (c.type !== 'select') continue;
          if (c.selected) next.add(c.id);
          else next.delete(c.id);
        }
        return next;
      });
    },
    [editable],
  );

  const instance = useRef<ReactFlowInstance<FlowCanvasNode> | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const selectMany = useCallback((nodeIds: readonly string[]) => {
    const waiting = nodeIds.some((id) => !drawnIds.current.has(id));
    selectNext.current = waiting ? [...nodeIds] : undefined;
    setNodes((previous) => previous.map((n) => ({ ...n, selected: nodeIds.includes(n.id) })));
    setSelectedEdges(new Set());
  }, []);
  useImperativeHandle(
    ref,
    () => ({
      select: (nodeId) => selectMany(nodeId ? [nodeId] : []),
      selectMany,
      sizes() {
        const sizes = new Map<string, NodeSize>();
        for (const node of nodes) {
          if (node.measured?.width && node.measured.height)
            sizes.set(node.id, { width: node.measured.width, height: node.measured.height });
        }
        return sizes;
      },
      reveal(position) {
        const flow = instance.current;
        const box = container.current;
        if (!flow || !box) return;
        const { x, y, zoom } = flow.getViewport();
        const { width, height } = DEFAULT_NODE_SIZE;
        const left = position.x * zoom + x;
        const top = position.y * zoom + y;
        const inView =
          left >= 0 &&
          top >= 0 &&
          left + width * zoom <= box.clientWidth &&
          top + height * zoom <= box.clientHeight;
        if (inView) return;
        // The whole flow when it stays readable, else just this node brought into view.
        const xs = [...nodes.map((n) => n.position.x), position.x];
        const ys = [...nodes.map((n) => n.position.y), position.y];
        const spanX = Math.max(...xs) - Math.min(...xs) + width;
        const spanY = Math.max(...ys) - Math.min(...ys) + height;
        const fitZoom = Math.min(box.clientWidth / spanX, box.clientHeight / spanY, 1) * 0.88;
        if (fitZoom >= READABLE_ZOOM) {
          const centerX = (Math.max(...xs) + Math.min(...xs) + width) / 2;
          const centerY = (Math.max(...ys) + Math.min(...ys) + height) / 2;
          void flow.setCenter(centerX, centerY, { zoom: fitZoom, duration: 250 });
        } else {
          void flow.setCenter(position.x + width / 2, position.y + height / 2, {
            zoom,
            duration: 250,
          });
        }
      },
      fit(nodeIds) {
        void instance.current?.fitView({
          nodes: nodeIds?.map((id) => ({ id })),
          duration: 300,
          padding: 0.12,
          maxZoom: nodeIds ? 1.2 : 1,
        });
      },
    }),
    [nodes, selectMany],
  );

  const onDelete = useCallback<OnDelete<FlowCanvasNode, Edge>>(
    ({ nodes: gone, edges: cut }) =>
      editing?.edit((g) =>
        removeElements(
          g,
          gone.map((n) => n.id),
          cut.map((e) => e.id),
        ),
      ),
    [editing],
  );
  const toConnection = (c: Connection | Edge) =>
    c.sourceHandle ? { source: c.source, sourceHandle: c.sourceHandle, target: c.target } : null;
  const onConnect = useCallback(
    (c: Connection) => {
      const connection = toConnection(c);
      if (connection) editing?.edit((g) => connect(g, connection));
    },
    [editing],
  );
  const isValidConnection = useCallback(
    (c: Connection | Edge) => {
      const connection = toConnection(c);
      if (!connection) return false;
      // While an edge is being moved, its own old place does not count as taken.
      const others =
        'id' in c && typeof c.id === 'string'
          ? { ...graph, edges: graph.edges.filter((e) => e.id !== c.id) }
          : graph;
      return connectionRefusal(others, connection) === null;
    },
    [graph],
  );
  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      const connection = toConnection(c);
      if (connection) editing?.edit((g) => reconnect(g, old.id, connection) ?? g);
    },
    [editing],
  );
  const onNodeDragStop = useCallback(
    (_event: unknown, _node: FlowCanvasNode, dragged: FlowCanvasNode[]) =>
      editing?.edit((g) => moveNodes(g, new Map(dragged.map((n) => [n.id, n.position])))),
    [editing],
  );
  const onSelectionChange = useCallback(
    ({ nodes: selected }: { nodes: FlowCanvasNode[] }) =>
      editing?.onSelectionChange(selected.map((n) => n.id)),
    [editing],
  );

  const onDragOver = (event: DragEvent) => {
    if (!editable || !event.dataTransfer.types.includes(NODE_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(NODE_TYPE_MIME);
    if (!editing || !type || !instance.current) return;
    event.preventDefault();
    const at = instance.current.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    editing.onDropNodeType(type, at);
  };

  const firstView = useMemo(() => openingNodes(graph), [graph]);

  return (
    <FlowCanvasContext.Provider value={lookups}>
      <div
        ref={container}
        className="flow-canvas"
        aria-label="Flow graph"
        role="region"
        onDragOver={onDragOver}
        onDrop={onDrop}
        data-testid="flow-canvas"
      >
        <ReactFlow<FlowCanvasNode>
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          nodeTypes={nodeTypes}
          onInit={(flow) => {
            instance.current = flow;
            onInit?.(flow);
          }}
          nodesDraggable={editable}
          nodesConnectable={editable}
          edgesFocusable={editable}
          elementsSelectable
          // Read-only: Backspace/Delete must not drop nodes from the view (nor anything else).
          deleteKeyCode={editable ? DELETE_KEYS : null}
          onDelete={editable ? onDelete : undefined}
          onConnect={editable ? onConnect : undefined}
          isValidConnection={isValidConnection}
          edgesReconnectable={editable}
          onReconnect={editable ? onReconnect : undefined}
          onNodeDragStop={editable ? onNodeDragStop : undefined}
          onSelectionChange={editable ? onSelectionChange : undefined}
          fitView
          fitViewOptions={{ padding: 0.12, nodes: firstView, maxZoom: 1 }}
          minZoom={0.2}
        >
          <Background gap={20} size={1} color="#d5d9e0" />
          <Controls showInteractive={false} />
          <MiniMap<FlowCanvasNode>
            pannable
            zoomable
            ariaLabel="Minimap of the whole flow"
            nodeColor={(node) =>
              lookups.problems.has(node.id)
                ? '#c9352d'
                : annotations?.kind === 'trace' && annotations.nodes.has(node.id)
                  ? '#1d4ed8'
                  : '#8a94a3'
            }
          />
        </ReactFlow>
      </div>
    </FlowCanvasContext.Provider>
  );
}
