import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import type { FlowReferences, ReferenceKind } from './flow-references.api';

/** What the config form passes its widgets: the lists the pickers offer. */
export interface NodeFormContext {
  references: FlowReferences['options'];
}

const nouns: Record<ReferenceKind, string> = {
  team: 'team',
  user: 'person',
  schedule: 'schedule',
  source: 'source',
};

/**
 * A picker over the teams, people, schedules or sources the API lists. Until the list loads (or
 * for someone who may not list them) it is a plain text field for the id.
 */
function referencePicker(kind: ReferenceKind) {
  return function ReferencePicker(props: WidgetProps) {
    const { id, value, required, disabled, readonly, rawErrors, onChange, onBlur, onFocus } = props;
    const context = props.registry.formContext as NodeFormContext | undefined;
    const options = context?.references[kind];
    const invalid = (rawErrors?.length ?? 0) > 0 ? true : undefined;
    const current = typeof value === 'string' ? value : '';
    const change = (next: string) => onChange(next === '' ? undefined : next);
    if (!options) {
      return (
        <input
          id={id}
          type="text"
          value={current}
          required={required}
          disabled={disabled || readonly}
          aria-invalid={invalid}
          placeholder={`The ${nouns[kind]}'s id`}
          onChange={(e) => change(e.target.value)}
          onBlur={() => onBlur(id, value)}
          onFocus={() => onFocus(id, value)}
        />
      );
    }
    const known = current === '' || options.some((o) => o.id === current);
    return (
      <select
        id={id}
        value={current}
        required={required}
        disabled={disabled || readonly}
        aria-invalid={invalid}
        data-reference-kind={kind}
        onChange={(e) => change(e.target.value)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      >
        <option value="">Choose a {nouns[kind]}…</option>
        {!known && (
          <option value={current}>
            Unknown {nouns[kind]} ({current})
          </option>
        )}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    );
  };
}

/** Registered by name; node-config-schema names them in each form's uiSchema. */
export const referencePickerWidgets: RegistryWidgetsType = {
  teamPicker: referencePicker('team'),
  userPicker: referencePicker('user'),
  schedulePicker: referencePicker('schedule'),
  sourcePicker: referencePicker('source'),
};
