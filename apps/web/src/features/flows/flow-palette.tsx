import type { NodeTypeDescriptionView } from '@baton/api-contract';
import { nodeCategories, type NodeCategory } from '@baton/flow';
import { useId, useMemo, useState, type DragEvent } from 'react';
import { NODE_TYPE_MIME } from './flow-canvas';

const categoryTitles: Record<NodeCategory, string> = {
  start: 'Start',
  ai: 'AI',
  logic: 'Logic',
  routing: 'Routing',
  messaging: 'Messaging',
  timing: 'Timing',
  integration: 'Integrations',
  finish: 'Finish',
};

interface FlowPaletteProps {
  catalogue: NodeTypeDescriptionView[];
  /** Node types that cannot be added now, with why (e.g. a second trigger). */
  disabled: ReadonlyMap<string, string>;
  /** What a click adds the step after, for the hint. */
  afterLabel: string | null;
  onAdd(type: string): void;
}

/** Every node type the catalogue offers, by category: click to add after the selected step, or drag. */
export function FlowPalette({ catalogue, disabled, afterLabel, onAdd }: FlowPaletteProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const groups = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (d: NodeTypeDescriptionView) => {
      const haystack = `${d.title} ${d.type} ${d.description} ${d.category}`.toLowerCase();
      return words.every((w) => haystack.includes(w));
    };
    return nodeCategories
      .map((category) => ({
        category,
        entries: catalogue.filter((d) => d.category === category && matches(d)),
      }))
      .filter((g) => g.entries.length > 0);
  }, [catalogue, query]);

  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(NODE_TYPE_MIME, type);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside className="card flow-palette" aria-labelledby={`${searchId}-title`}>
      <h2 className="card-title" id={`${searchId}-title`}>
        Add a step
      </h2>
      <div className="flow-palette-body">
        <label className="visually-hidden" htmlFor={searchId}>
          Search steps
        </label>
        <input
          id={searchId}
          type="search"
          placeholder="Search steps…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="flow-palette-search"
        />
        <p className="flow-palette-hint">
          {afterLabel
            ? `Click to add after “${afterLabel}”, or drag onto the canvas.`
            : 'Click to add, or drag onto the canvas.'}
        </p>
        {groups.length === 0 && <p className="flows-muted">No step matches “{query}”.</p>}
        {groups.map(({ category, entries }) => (
          <section
            key={category}
            className="flow-palette-group"
            aria-label={categoryTitles[category]}
          >
            <h3 className="flow-palette-category">{categoryTitles[category]}</h3>
            <ul>
              {entries.map((d) => {
                const why = d.available ? disabled.get(d.type) : 'Coming soon';
                return (
                  <li key={d.type}>
                    <button
                      type="button"
                      className={`flow-palette-entry flow-palette-${d.category}`}
                      draggable={why === undefined}
                      onDragStart={(e) => onDragStart(e, d.type)}
                      onClick={() => onAdd(d.type)}
                      disabled={why !== undefined}
                      title={why ?? d.description}
                      data-testid="palette-entry"
                      data-node-type={d.type}
                    >
                      <span className="flow-palette-title">{d.title}</span>
                      {why && <span className="flow-palette-why">{why}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
