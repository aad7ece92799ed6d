import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { parseMimeMessage, type MimeAttachment } from './parse-mime-message';

export interface CapturedEmail {
  id: string;
  receivedAt: string;
  /** SMTP envelope: who the client said it sends from and to. */
  envelope: { from: string | null; to: string[] };
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  headers: Record<string, string>;
  text?: string;
  html?: string;
  attachments: MimeAttachment[];
  /** The message as received, for a "view source" link. */
  raw: string;
}

export interface SmtpCaptureOptions {
  /** How many messages to keep (oldest dropped first). */
  maxMessages?: number;
  /** 0 picks a free port. */
  port?: number;
  /** Largest message accepted, in bytes. */
  maxMessageBytes?: number;
}

export interface SmtpCapture {
  /** smtp://127.0.0.1:<port>, to hand to createEmailSender. */
  url: string;
  port: number;
  /** Captured messages, newest first. */
  list(): CapturedEmail[];
  clear(): void;
  /** Called for every captured message (e.g. to push it to the UI); returns an unsubscribe. */
  onMessage(listener: (email: CapturedEmail) => void): () => void;
  close(): Promise<void>;
}

const address = (a: SMTPServerAddress | false): string | null => (a ? a.address : null);

/**
 * A local SMTP server that keeps the last messages in memory instead of delivering them: what
 * `npm start` uses when no SMTP_URL is set, so sent mail can be shown in the UI. Binds to
 * 127.0.0.1 only and accepts any credentials (there is nothing to protect and nothing leaves).
 */
export async function createSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const maxMessages = options.maxMessages ?? 100;
  const maxMessageBytes = options.maxMessageBytes ?? 10 * 1024 * 1024;
  let messages: CapturedEmail[] = [];
  const listeners = new Set<(email: CapturedEmail) => void>();

  const server = new SMTPServer({
    banner: 'Baton SMTP capture (nothing is delivered)',
    logger: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: maxMessageBytes,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'capture' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(
            Object.assign(new Error('Message exceeds the capture size limit'), {
              responseCode: 552,
            }),
          );
          return;
        }
        // Read as latin1 so every byte survives; the MIME reader decodes charsets itself.
        const raw = Buffer.concat(chunks).toString('latin1');
        const parsed = parseMimeMessage(raw);
        const email: CapturedEmail = {
          id: randomUUID(),
          receivedAt: new Date().toISOString(),
          envelope: {
            from: address(session.envelope.mailFrom),
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          from: parsed.headers['from'],
          to: parsed.headers['to'],
          subject: parsed.headers['subject'],
          messageId: parsed.headers['message-id'],
          headers: parsed.headers,
          text: parsed.text,
          html: parsed.html,
          attachments: parsed.attachments,
          raw,
        };
        messages = [email, ...messages].slice(0, maxMessages);
        for (const listener of listeners) {
          try {
            listener(email);
          } catch {
            // A broken subscriber (say, a closed UI stream) must not stop mail from being captured.
          }
        }
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    list: () => [...messages],
    clear: () => {
      messages = [];
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
