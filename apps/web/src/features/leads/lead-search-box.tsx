import { useEffect, useRef, useState } from 'react';

interface LeadSearchBoxProps {
  /** The search currently applied (from the URL). */
  value: string;
  onSearch: (q: string) => void;
  delayMs?: number;
}

/** A search field that applies what was typed once typing pauses. */
export function LeadSearchBox({ value, onSearch, delayMs = 300 }: LeadSearchBoxProps) {
  const [text, setText] = useState(value);
  const [appliedValue, setAppliedValue] = useState(value);
  const onSearchRef = useRef(onSearch);

  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);

  // The URL changed from outside (back button, "Clear filters"): show what is applied.
  if (value !== appliedValue) {
    setAppliedValue(value);
    if (text.trim() !== value) setText(value);
  }

  useEffect(() => {
    const q = text.trim();
    if (q === value) return undefined;
    const timer = window.setTimeout(() => onSearchRef.current(q), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, value, delayMs]);

  return (
    <label className="inbox-search">
      <span className="visually-hidden">Search leads</span>
      <input
        type="search"
        placeholder="Search leads…"
        title="Search by name, email, phone or company"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </label>
  );
}
