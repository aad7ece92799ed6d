import { originSchema } from '@baton/api-contract';
import { useId } from 'react';

/** The problem with one origin as the API would report it (it names the origin), or null. */
export function originProblem(value: string): string | null {
  if (value.trim() === '') return null;
  const parsed = originSchema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? `"${value}" is not an origin`);
}

interface OriginListEditorProps {
  origins: string[];
  onChange: (origins: string[]) => void;
  /** A problem the API reported for one entry, by index. */
  serverProblems?: Record<number, string>;
}

/**
 * The websites allowed to post a source's form, one input each: add, edit, remove. Each entry is
 * checked as it is typed with the API's own origin schema, so the message names the bad origin.
 */
export function OriginListEditor({
  origins,
  onChange,
  serverProblems = {},
}: OriginListEditorProps) {
  const id = useId();
  const set = (index: number, value: string) =>
    onChange(origins.map((o, i) => (i === index ? value : o)));
  return (
    <fieldset className="origin-list">
      <legend className="field-label">Websites allowed to post its form</legend>
      <span className="source-hint" id={`${id}-hint`}>
        One origin each: scheme and host, e.g. https://www.example-dental.com. None means API only.
      </span>
      {origins.length === 0 && <p className="origin-list-empty">No websites yet: API use only.</p>}
      <ul>
        {origins.map((origin, index) => {
          const problem = originProblem(origin) ?? serverProblems[index] ?? null;
          const inputId = `${id}-origin-${index}`;
          return (
            <li key={index}>
              <label className="visually-hidden" htmlFor={inputId}>
                Website {index + 1}
              </label>
              <input
                id={inputId}
                value={origin}
                placeholder="https://www.example.com"
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${inputId}-error` : `${id}-hint`}
                onChange={(event) => set(index, event.target.value)}
              />
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Remove website ${origin || index + 1}`}
                onClick={() => onChange(origins.filter((_, i) => i !== index))}
              >
                Remove
              </button>
              {problem && (
                <span className="field-error" id={`${inputId}-error`}>
                  {problem}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="button" onClick={() => onChange([...origins, ''])}>
        Add a website
      </button>
    </fieldset>
  );
}
