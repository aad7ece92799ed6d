// A fresh key per user click: a network retry of the same click is folded by the server,
// a second click is a second action. crypto.randomUUID() needs a secure context (https or
// localhost), which a self-hosted install on a LAN address may not be, so the v4 UUID is built
// from getRandomValues, which every browser has everywhere.
export const idempotencyHeaderName = 'Idempotency-Key';

export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
