// @ts-check
// Real Ollama cannot run here, so the worker talks to this test double instead: an HTTP server on
// 127.0.0.1 that speaks Ollama's API as the worker uses it (POST /api/chat, non-streaming, with a
// JSON-schema `format`; GET /api/tags). Three modes play the failures of a local model:
//   up        answers every chat with a valid qualification after a short "generation" delay;
//   refusing  not listening at all (connections refused);
//   hanging   accepts and reads the request, then never answers.
// Hung requests are tracked so the run can tell whether the client gave up on them (it must).
import http from 'node:http';

const MODEL = 'llama3.2:3b';

/** What a small local model answers for the chaos leads (fits the qualification schema). */
const ANSWER = {
  score: 82,
  intent: 'buying',
  urgency: 'high',
  budget: 'stated',
  spam: false,
  summary: 'Wants 40 seats before Q3 and asks for a call today.',
  reasons: ['Asks for a call today', 'Names a seat count and a deadline'],
};

/** @typedef {'up' | 'refusing' | 'hanging'} OllamaMode */

/**
 * @typedef {object} HungRequest
 * @property {number} at when it arrived
 * @property {number | null} closedAt when the client gave up on it (closed its connection)
 * @property {number | null} releasedAt when the double cut it instead (the client never gave up)
 */

export class OllamaDouble {
  /**
   * @param {number} port
   * @param {{ latencyMs?: number }} [options]
   */
  constructor(port, options = {}) {
    this.port = port;
    this.latencyMs = options.latencyMs ?? 300;
    /** @type {OllamaMode} */
    this.mode = 'refusing';
    this.answered = 0;
    /** @type {HungRequest[]} */
    this.hung = [];
    /** @type {http.Server | null} */
    this.server = null;
    /** @type {Set<import('node:net').Socket>} */
    this.sockets = new Set();
    /** @type {Map<import('node:net').Socket, HungRequest>} requests left unanswered */
    this.hungSockets = new Map();
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** @param {OllamaMode} mode */
  async setMode(mode) {
    if (mode === this.mode) return;
    if (this.mode === 'hanging') this.releaseHung();
    if (mode === 'refusing') await this.close();
    else if (this.mode === 'refusing') await this.listen();
    this.mode = mode;
  }

  /** Cuts the connections still hanging (their clients should have given up already). */
  releaseHung() {
    for (const [socket, hung] of this.hungSockets) {
      hung.releasedAt = Date.now();
      socket.destroy();
    }
  }

  async listen() {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 1000;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(undefined);
      });
    });
    this.server = server;
  }

  /**
   * Hung requests that stayed open longer than `ms` (the client did not give up in time).
   * @param {number} ms
   */
  hungLongerThan(ms) {
    const now = Date.now();
    return this.hung.filter((h) => (h.closedAt ?? h.releasedAt ?? now) - h.at > ms);
  }

  async close() {
    this.releaseHung();
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  handle(req, res) {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/api/tags') {
        json(res, 200, {
          models: [
            {
              name: MODEL,
              model: MODEL,
              modified_at: new Date().toISOString(),
              size: 2019393189,
              digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
              details: { format: 'gguf', family: 'llama', parameter_size: '3.2B' },
            },
          ],
        });
        return;
      }
      if (req.method !== 'POST' || req.url !== '/api/chat') {
        json(res, 404, { error: `${req.method} ${req.url} not found` });
        return;
      }
      if (this.mode === 'hanging') {
        // Read, then say nothing: the socket stays open until the client gives up.
        /** @type {HungRequest} */
        const hung = { at: Date.now(), closedAt: null, releasedAt: null };
        this.hung.push(hung);
        const socket = req.socket;
        this.hungSockets.set(socket, hung);
        socket.once('close', () => {
          if (hung.releasedAt === null) hung.closedAt = Date.now();
          this.hungSockets.delete(socket);
        });
        return;
      }
      /** @type {{ model?: string, stream?: boolean }} */
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        json(res, 400, { error: 'invalid JSON' });
        return;
      }
      const started = Date.now();
      setTimeout(() => {
        if (res.destroyed) return;
        this.answered++;
        json(res, 200, {
          model: body.model ?? MODEL,
          created_at: new Date().toISOString(),
          message: { role: 'assistant', content: JSON.stringify(ANSWER) },
          done_reason: 'stop',
          done: true,
          total_duration: (Date.now() - started) * 1e6,
          eval_count: 64,
        });
      }, this.latencyMs);
    });
  }
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
