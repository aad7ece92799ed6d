/**
 * The item whose key is smallest, comparing keys element by element (so a key is a list of
 * tie-breakers); the earliest item wins a complete tie.
 */
export function minBy<T>(items: readonly [T, ...T[]], key: (item: T) => readonly number[]): T {
  const [first, ...rest] = items;
  let best = first;
  let bestKey = key(first);
  for (const item of rest) {
    const itemKey = key(item);
    const diff = itemKey.map((v, i) => v - (bestKey[i] ?? 0)).find((d) => d !== 0) ?? 0;
    if (diff < 0) {
      best = item;
      bestKey = itemKey;
    }
  }
  return best;
}
