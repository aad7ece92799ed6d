// Browser globals that jsdom lacks but every browser we support has (react-router reads
// TextEncoder when it loads).
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
