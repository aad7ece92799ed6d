/** A valid, readable v4 UUID for fixtures: testUuid(7) → 00000000-0000-4000-8000-000000000007. */
export function testUuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
