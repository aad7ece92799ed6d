import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface RejectingSmtpServer {
  url: string;
  /** RCPT TO commands seen: each attempt to send counts once. */
  rcptAttempts(): number;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that refuses every recipient for good (550). */
export async function startRejectingSmtpServer(): Promise<RejectingSmtpServer> {
  let attempts = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo(address, _session, callback) {
      attempts++;
      const err = Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), {
        responseCode: 550,
      });
      callback(err);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    rcptAttempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
