import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1 (nothing listens there until we start something). */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

function temporalCli(): string {
  const candidates = [
    process.env['TEMPORAL_CLI'],
    join(
      process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'),
      'baton/temporal-cli/v1.5.1/temporal',
    ),
  ];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found)
    throw new Error(
      'No Temporal CLI: run the tests with `npm test`, which resolves it (or set TEMPORAL_CLI)',
    );
  return found;
}

const canConnect = (port: number) =>
  new Promise<boolean>((ok) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
    socket.connect(port, '127.0.0.1');
  });

export interface DevServer {
  stop(): Promise<void>;
}

/** An in-memory Temporal dev server on a given port, for tests that take Temporal away and back. */
export async function startTemporalDevServer(port: number): Promise<DevServer> {
  const child: ChildProcess = spawn(
    temporalCli(),
    [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--http-port',
      String(await freePort()),
      '--metrics-port',
      String(await freePort()),
      '--headless',
      '--log-level',
      'error',
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 60_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null)
      throw new Error(`temporal dev server exited with ${child.exitCode}`);
    if (Date.now() > deadline)
      throw new Error('temporal dev server did not open its port within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
