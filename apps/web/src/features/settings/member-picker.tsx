import type { UserView } from '@baton/api-contract';

interface MemberPickerProps {
  legend: string;
  people: UserView[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}

/** Checkboxes over the people who can take leads (reps and managers), with their role. */
export function MemberPicker({ legend, people, chosen, onChange }: MemberPickerProps) {
  const candidates = people.filter((p) => p.role !== 'admin');
  return (
    <fieldset className="member-picker">
      <legend className="field-label">{legend}</legend>
      {candidates.length === 0 ? (
        <p className="source-hint">Add reps on the People page first.</p>
      ) : (
        candidates.map((person) => (
          <label key={person.id} className="member-option">
            <input
              type="checkbox"
              checked={chosen.has(person.id)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(person.id);
                else next.delete(person.id);
                onChange(next);
              }}
            />
            {person.name} <span className="source-hint">({person.role})</span>
          </label>
        ))
      )}
    </fieldset>
  );
}
