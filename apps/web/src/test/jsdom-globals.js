// Browser globals that jsdom lacks but every browser we support has (react-router reads
// TextEncoder when it loads).
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });

// Charts (recharts) and the flow canvas (@xyflow/react) measure their containers with
// ResizeObserver; jsdom has no layout, so this one never reports a size.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub;
