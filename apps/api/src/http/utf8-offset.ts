import { isUtf8 } from 'node:buffer';

const CHUNK = 4096;
const isContinuation = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

/**
 * The offset of the first byte of the first sequence in `bytes` that is not valid UTF-8 (a
 * character cut off at the end counts), or undefined when all of it is valid. The platform's
 * fatal decoder is the judge, so "valid" means what WHATWG decoding means (no surrogates, no
 * overlong forms).
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  if (isUtf8(bytes)) return undefined;
  // Find the failing chunk, then replay the valid prefix up to a character boundary and step
  // through the rest a byte at a time: linear, with per-byte decoder calls in one chunk only.
  let chunkStart = 0;
  const probe = new TextDecoder('utf-8', { fatal: true });
  for (; chunkStart < bytes.length; chunkStart += CHUNK) {
    try {
      probe.decode(bytes.subarray(chunkStart, chunkStart + CHUNK), { stream: true });
    } catch {
      break;
    }
  }
  // A character is at most 4 bytes: back up that far, then to the byte that starts one.
  let sequenceStart = Math.max(0, Math.min(chunkStart, bytes.length) - 4);
  while (sequenceStart > 0 && isContinuation(bytes[sequenceStart])) sequenceStart--;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  decoder.decode(bytes.subarray(0, sequenceStart), { stream: true });
  for (let i = sequenceStart; i < bytes.length; i++) {
    try {
      // Output means a character ended here, so the next byte starts a new one.
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== '') sequenceStart = i + 1;
    } catch {
      return sequenceStart;
    }
  }
  return sequenceStart;
}
