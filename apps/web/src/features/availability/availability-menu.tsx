import type { UpdateAvailability } from '@baton/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { useNow } from '../../time/use-now';
import { useDismiss } from '../../ui/use-dismiss';
import { availabilityKey, fetchMyAvailability, updateMyAvailability } from './availability.api';
import {
  type AvailabilityChoice,
  choiceLabel,
  currentChoice,
  endOfDay,
} from './availability-state';
import './availability-menu.css';

const tomorrow = (now: number) => {
  const d = new Date(now + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * My availability in the app bar: available, away, or out of office until a date. Routing skips
 * a rep who is away or out of office, so the next lead goes to someone who can call.
 */
export function AvailabilityMenu() {
  const queryClient = useQueryClient();
  const now = useNow(60_000);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const availability = useQuery({
    queryKey: availabilityKey,
    queryFn: ({ signal }) => fetchMyAvailability(signal),
  });
  const save = useMutation({
    mutationFn: (change: UpdateAvailability) => updateMyAvailability(change),
    onSuccess: (answer) => {
      queryClient.setQueryData(availabilityKey, answer);
      setOpen(false);
      button.current?.focus();
    },
  });
  const [choice, setChoice] = useState<AvailabilityChoice>('available');
  const [until, setUntil] = useState(() => tomorrow(Date.now()));

  useDismiss(open, close, root, button);

  if (!availability.data) return null;
  const current = currentChoice(availability.data, now);
  const label = choiceLabel(availability.data, now);

  const toggle = () => {
    if (!open) {
      setChoice(current);
      save.reset();
    }
    setOpen((was) => !was);
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (choice === 'out_of_office')
      save.mutate({ status: 'available', outOfOfficeUntil: endOfDay(until) });
    else save.mutate({ status: choice, outOfOfficeUntil: null });
  };

  return (
    <div className="availability" ref={root}>
      <button
        ref={button}
        type="button"
        className={`availability-button availability-${current}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`My availability: ${label}`}
        onClick={toggle}
      >
        <span className="availability-dot" aria-hidden="true" />
        <span className="availability-label">
          {current === 'out_of_office' ? 'Out of office' : label}
        </span>
      </button>
      {open && (
        <form id={panelId} className="availability-panel" onSubmit={submit}>
          <fieldset>
            <legend>My availability</legend>
            <p className="availability-hint">
              New leads skip you while you are away or out of office; leads you own stay yours.
            </p>
            {(
              [
                ['available', 'Available', 'Take new leads'],
                ['away', 'Away', 'Skip me until I am back'],
                ['out_of_office', 'Out of office', 'Skip me until a date'],
              ] as const
            ).map(([value, title, hint]) => (
              <label key={value} className="availability-option">
                <input
                  type="radio"
                  name="availability"
                  value={value}
                  checked={choice === value}
                  onChange={() => setChoice(value)}
                />
                <span>
                  <span className="availability-option-title">{title}</span>
                  <span className="availability-option-hint">{hint}</span>
                </span>
              </label>
            ))}
            {choice === 'out_of_office' && (
              <label className="availability-until">
                Back after
                <input
                  type="date"
                  required
                  min={tomorrow(now - 86_400_000)}
                  value={until}
                  onChange={(event) => setUntil(event.target.value)}
                />
              </label>
            )}
          </fieldset>
          {save.isError && (
            <p role="alert" className="availability-error">
              {errorMessage(save.error)}
            </p>
          )}
          <div className="availability-actions">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
