import { renderTemplate, templateVariables } from '@baton/flow';
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import {
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import {
  isKnownTemplateVariable,
  sampleTemplateVars,
  templateVariableList,
  type TemplateVariable,
} from './template-sample';

// A notify subject or body: typing `{{` offers the variables a message can use (arrows to move,
// Enter or Tab to insert, Escape to close), and a preview below fills them from a sample lead.
// The one-line subject is an ARIA combobox; a textarea may not take that role, so the body is a
// textbox that owns the list through aria-controls and aria-activedescendant.

/** An unfinished `{{name` just before the caret: where it starts and what is typed so far. */
export function openVariableAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const match = /\{\{\s*([A-Za-z0-9_.-]*)$/.exec(text.slice(0, caret));
  return match ? { start: match.index, query: match[1] ?? '' } : null;
}

/** The text with the unfinished variable at `start`..`caret` completed to `{{path}}`. */
export function insertVariable(
  text: string,
  start: number,
  caret: number,
  path: string,
): { text: string; caret: number } {
  const inserted = `{{${path}}}`;
  // A closing `}}` already typed after the caret is the one being completed.
  const rest = text.slice(caret).replace(/^[A-Za-z0-9_.-]*\s*\}\}/, '');
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}

const MAX_OPTIONS = 40;

function matching(query: string): TemplateVariable[] {
  const q = query.toLowerCase();
  return templateVariableList
    .filter((v) => v.path.toLowerCase().includes(q) || v.label.toLowerCase().includes(q))
    .slice(0, MAX_OPTIONS);
}

const SAMPLE_NAME = String((sampleTemplateVars['lead'] as Record<string, unknown>)['name']);

export function TemplateEditorWidget(props: WidgetProps) {
  const { id, value, options, disabled, readonly, required, placeholder, rawErrors, onChange } =
    props;
  const text = typeof value === 'string' ? value : '';
  const multiline = options['multiline'] === true;
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const open = caret === null ? null : openVariableAt(text, caret);
  const choices = open && open.start !== dismissed ? matching(open.query) : [];
  const expanded = choices.length > 0 && !disabled && !readonly;
  const activeIndex = Math.min(active, Math.max(choices.length - 1, 0));
  const listId = `${id}__variables`;
  const optionId = (i: number) => `${listId}_${i}`;

  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at !== null && field.current) {
      field.current.setSelectionRange(at, at);
      pendingCaret.current = null;
    }
  }, [text]);

  const emit = (next: string) => onChange(next === '' ? options.emptyValue : next);
  const track = (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setCaret(e.currentTarget.selectionStart);

  const choose = (variable: TemplateVariable) => {
    if (!open || caret === null) return;
    const next = insertVariable(text, open.start, caret, variable.path);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    setActive(0);
    emit(next.text);
  };

  const onType = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setCaret(e.target.selectionStart);
    setActive(0);
    // Typing reopens a list Escape closed, as a combobox does.
    setDismissed(null);
    emit(e.target.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (!expanded) return;
    const chosen = choices[activeIndex];
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + choices.length) % choices.length);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && chosen) {
      e.preventDefault();
      choose(chosen);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDismissed(open?.start ?? null);
    }
  };

  const invalid = (rawErrors?.length ?? 0) > 0 ? true : undefined;
  const previewId = `${id}__preview`;
  const unknown = useMemo(
    () => templateVariables(text).filter((name) => !isKnownTemplateVariable(name)),
    [text],
  );
  const unknownId = `${id}__unknown`;
  // The warning, not the whole preview, describes the field: a long body read out on every focus
  // would drown it.
  const describedBy = `${ariaDescribedByIds(id)}${unknown.length > 0 ? ` ${unknownId}` : ''}`;
  const shared = {
    id,
    ref: field,
    value: text,
    required,
    disabled,
    readOnly: readonly,
    placeholder: placeholder || (multiline ? 'Type {{ for variables' : undefined),
    spellCheck: true,
    'aria-invalid': invalid,
    'aria-autocomplete': 'list' as const,
    'aria-controls': expanded ? listId : undefined,
    'aria-activedescendant': expanded ? optionId(activeIndex) : undefined,
    'aria-describedby': describedBy,
    onChange: onType,
    onKeyDown,
    onSelect: track,
    onClick: track,
    onBlur: () => {
      setCaret(null);
      props.onBlur(id, value);
    },
    onFocus: () => props.onFocus(id, value),
  };

  return (
    <div className="template-editor">
      <div className="template-editor-field">
        {multiline ? (
          <textarea {...shared} rows={typeof options.rows === 'number' ? options.rows : 5} />
        ) : (
          <input {...shared} type="text" role="combobox" aria-expanded={expanded} />
        )}
        {expanded && (
          <ul className="template-variables" id={listId} role="listbox" aria-label="Variables">
            {choices.map((variable, i) => (
              <li
                key={variable.path}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className="template-variable"
                // Keeps the focus (and the caret) in the text while a variable is picked.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(variable)}
              >
                <code>{`{{${variable.path}}}`}</code>
                <span className="template-variable-label">{variable.label}</span>
              </li>
            ))}
          </ul>
        )}
        <span className="visually-hidden" aria-live="polite">
          {expanded ? `${choices.length} variables; arrows to choose, Enter to insert` : ''}
        </span>
      </div>
      <TemplatePreview
        id={previewId}
        unknownId={unknownId}
        template={text}
        unknown={unknown}
        multiline={multiline}
      />
    </div>
  );
}

interface TemplatePreviewProps {
  id: string;
  unknownId: string;
  template: string;
  /** Variables the template uses that no message fills. */
  unknown: readonly string[];
  multiline: boolean;
}

function TemplatePreview({ id, unknownId, template, unknown, multiline }: TemplatePreviewProps) {
  const rendered = useMemo(
    () => renderTemplate(template, sampleTemplateVars, { escape: 'none' }),
    [template],
  );
  return (
    <div className="template-preview" id={id}>
      <p className="template-preview-title">Preview for a sample lead ({SAMPLE_NAME})</p>
      <div className={`template-preview-text${multiline ? ' is-multiline' : ''}`}>
        {rendered || <span className="template-preview-empty">Nothing to show yet</span>}
      </div>
      {unknown.length > 0 && (
        <p className="template-unknown" id={unknownId}>
          Unknown {unknown.length === 1 ? 'variable' : 'variables'}, left empty in the message:{' '}
          {unknown.map((name, i) => (
            <span key={name}>
              {i > 0 && ', '}
              <code>{`{{${name}}}`}</code>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
