// Lead text is anything a visitor typed: emoji, flags, family sequences, combining marks. A cut
// through a surrogate pair leaves a lone surrogate, which PostgreSQL refuses in text and jsonb,
// so a clipped summary could strand a lead. Every clip in Baton goes through here.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` shortened to at most `max` UTF-16 code units (the unit of JavaScript's `length` and of
 * zod's `max`), ellipsis included, cut between user-perceived characters. A first character
 * longer than all the room (a pile of combining marks) is cut between code points instead, so
 * the result is always well-formed.
 */
export function clipText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  if (ellipsis.length >= max) return clipCodePoints(text, max);
  const room = max - ellipsis.length;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > room) {
      if (kept === '') kept = clipCodePoints(segment, room);
      break;
    }
    kept += segment;
  }
  return `${kept.trimEnd()}${ellipsis}`;
}

/** The longest prefix of `text` of at most `max` UTF-16 units that ends between code points. */
export function clipCodePoints(text: string, max: number): string {
  let kept = '';
  for (const point of text) {
    if (kept.length + point.length > max) break;
    kept += point;
  }
  return kept;
}
