import { useId } from 'react';

interface TimeZoneFieldProps {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
}

/** Every IANA zone this browser knows; a schedule's zone is checked again by the API. */
const zones: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/**
 * A searchable list of zones: a text box with the browser's own suggestions (datalist), so
 * typing "berl" offers Europe/Berlin and the keyboard works as in any text box.
 */
export function TimeZoneField({ value, onChange, error }: TimeZoneFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-zone`}>
        Time zone
      </label>
      <input
        id={`${id}-zone`}
        list={`${id}-zones`}
        required
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-zone-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {error ? (
        <span className="field-error" id={`${id}-zone-hint`}>
          {error}
        </span>
      ) : (
        <span className="source-hint" id={`${id}-zone-hint`}>
          Hours and holidays are in this zone, e.g. Europe/Berlin.
        </span>
      )}
    </div>
  );
}
