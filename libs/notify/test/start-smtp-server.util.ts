import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface TestSmtpServer {
  port: number;
  close(): Promise<void>;
}

/** A plain smtp-server on 127.0.0.1 with test-specific behaviour (rejecting, demanding auth). */
export async function startSmtpServer(options: SMTPServerOptions): Promise<TestSmtpServer> {
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
