// Browser globals that jsdom lacks but every browser we support has (react-router reads
// TextEncoder when it loads).
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
// The config forms (rjsf) and the flow editor copy JSON with it.
globalThis.structuredClone ??= (value) => JSON.parse(JSON.stringify(value));

// Charts (recharts) and the flow canvas (@xyflow/react) measure their containers with
// ResizeObserver; jsdom has no layout, so this one never reports a size.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub;
