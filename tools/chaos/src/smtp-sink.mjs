// @ts-check
// A real SMTP server (the `smtp-server` package) on 127.0.0.1 that records every message it is
// handed, so the chaos run can count deliveries per Message-ID and per lead. It can be taken down
// (connections refused) and brought back on the same port, to play an SMTP outage.
import { SMTPServer } from 'smtp-server';

/**
 * @typedef {object} Delivery
 * @property {string | null} messageId the Message-ID header
 * @property {string} subject
 * @property {string[]} to envelope recipients
 * @property {number} at Date.now() when the message was accepted
 */

/**
 * The header block of a raw message as a lower-cased name → value map (folded lines unfolded).
 * @param {string} raw
 */
export function parseHeaders(raw) {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  /** @type {Record<string, string>} */
  const headers = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  return headers;
}

export class SmtpSink {
  /** @param {number} port */
  constructor(port) {
    this.port = port;
    /** @type {Delivery[]} */
    this.deliveries = [];
    /** @type {SMTPServer | null} */
    this.server = null;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get running() {
    return this.server !== null;
  }

  async start() {
    if (this.server) return;
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // Going down must be quick: open sessions are cut after a second, as a crashed server would.
      closeTimeout: 1000,
      onData: (stream, session, callback) => {
        /** @type {Buffer[]} */
        const chunks = [];
        stream.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const headers = parseHeaders(Buffer.concat(chunks).toString('latin1'));
          this.deliveries.push({
            messageId: headers['message-id'] ?? null,
            subject: headers['subject'] ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            at: Date.now(),
          });
          callback();
        });
      },
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(undefined);
      });
    });
    // A client that drops mid-session is its business, not a reason to stop the run.
    server.on('error', () => {});
    this.server = server;
  }

  async stop() {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }
}
