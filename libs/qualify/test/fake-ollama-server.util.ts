import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers to one /api/chat request. */
export interface FakeOllamaReply {
  status?: number;
  /** Sent as JSON; defaults to a chat response wrapping `content`. */
  json?: unknown;
  /** The assistant message content (the model's JSON text). */
  content?: string;
  /** Raw body instead of JSON. */
  raw?: string;
  delayMs?: number;
}

export interface FakeOllamaOptions {
  /**
   * Answer one /api/chat call at a time, like Ollama with OLLAMA_NUM_PARALLEL=1: a call waits
   * for the ones before it, then takes its own delayMs. A caller that hangs up while waiting is
   * dropped without taking a turn.
   */
  serial?: boolean;
  /** What GET /api/tags lists (the models pulled); empty by default. */
  models?: string[];
}

/** One /api/chat call as the server saw it. */
export interface FakeOllamaCall {
  model: unknown;
  receivedAt: number;
  /** When the answer was sent, or the caller hung up. */
  settledAt?: number;
  answered: boolean;
}

export interface FakeOllama {
  url: string;
  /** Parsed JSON bodies of every /api/chat request, in order. */
  requests: Array<Record<string, unknown>>;
  /** Every /api/chat call with its timing, in order of arrival. */
  calls: FakeOllamaCall[];
  /** The most /api/chat calls open at the same moment (received, not yet answered or hung up). */
  maxInFlight(): number;
  close(): Promise<void>;
}

function chatResponse(model: unknown, content: string) {
  return {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content },
    done: true,
    done_reason: 'stop',
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A real HTTP server on 127.0.0.1 that speaks the non-streaming part of Ollama's /api/chat:
 * it records each request body and answers with whatever `reply` says.
 */
export async function startFakeOllama(
  reply: (body: Record<string, unknown>) => FakeOllamaReply,
  options: FakeOllamaOptions = {},
): Promise<FakeOllama> {
  const requests: Array<Record<string, unknown>> = [];
  const calls: FakeOllamaCall[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  // The serial queue: each call starts after the previous one settled.
  let turn: Promise<void> = Promise.resolve();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url === '/api/tags') {
      const models = (options.models ?? []).map((name) => ({ name, model: name, size: 1 }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ models }));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/api/chat') {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    requests.push(body);
    const call: FakeOllamaCall = { model: body['model'], receivedAt: Date.now(), answered: false };
    calls.push(call);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Set below when this call holds the serial queue; settling hands the turn on.
    let releaseTurn: (() => void) | undefined;
    const settle = (answered: boolean) => {
      if (call.settledAt !== undefined) return;
      call.settledAt = Date.now();
      call.answered = answered;
      inFlight -= 1;
      releaseTurn?.();
    };
    res.on('close', () => settle(res.writableFinished));
    if (options.serial) {
      const previous = turn;
      turn = new Promise<void>((resolve) => (releaseTurn = resolve));
      await previous;
      if (call.settledAt !== undefined) return;
    }
    const answer = reply(body);
    const send = () => {
      if (call.settledAt !== undefined) return;
      if (answer.raw !== undefined) {
        res.writeHead(answer.status ?? 200, { 'content-type': 'text/plain' }).end(answer.raw);
        return;
      }
      const json = answer.json ?? chatResponse(body['model'], answer.content ?? '');
      res
        .writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(json));
    };
    if (!answer.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, answer.delayMs);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bind, note the port, close. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
