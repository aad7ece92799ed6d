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

export interface FakeOllama {
  url: string;
  /** Parsed JSON bodies of every /api/chat request, in order. */
  requests: Array<Record<string, unknown>>;
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
): Promise<FakeOllama> {
  const requests: Array<Record<string, unknown>> = [];
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== '/api/chat') {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    requests.push(body);
    const answer = reply(body);
    const send = () => {
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
