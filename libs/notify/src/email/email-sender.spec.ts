import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startSmtpServer } from '../../test/start-smtp-server.util';
import { renderNotification } from '../templates/render-notification';
import { EmailSendError } from './email-send.error';
import { createEmailSender, type EmailSender } from './email-sender';
import { createSmtpCapture, type SmtpCapture } from './smtp-capture';

async function failure(promise: Promise<unknown>): Promise<EmailSendError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmailSendError);
  return error as EmailSendError;
}

const invite = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Baton//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:lead-b3c1@baton',
  'DTSTART:20250305T100000Z',
  'DTEND:20250305T103000Z',
  'SUMMARY:Call with Jane',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('createEmailSender through a real SMTP server', () => {
  let capture: SmtpCapture;
  let sender: EmailSender;

  beforeAll(async () => {
    capture = await createSmtpCapture();
    sender = createEmailSender({ smtpUrl: capture.url, from: 'Baton <baton@example.test>' });
  });
  afterAll(async () => {
    sender.close();
    await capture.close();
  });
  beforeEach(() => capture.clear());

  it('delivers headers and body, and returns the Message-ID', async () => {
    const messageId = await sender.send({
      to: ['rep@example.test', 'manager@example.test'],
      subject: 'New lead: Zoë Müller',
      text: 'Call her back.',
      replyTo: 'zoe@acme.test',
      headers: { 'X-Baton-Lead': 'b3c1' },
    });

    const [mail] = capture.list();
    expect(messageId).toMatch(/^<.+@.+>$/);
    expect(mail).toMatchObject({
      messageId,
      subject: 'New lead: Zoë Müller',
      from: 'Baton <baton@example.test>',
      to: 'rep@example.test, manager@example.test',
      envelope: { from: 'baton@example.test', to: ['rep@example.test', 'manager@example.test'] },
    });
    expect(mail?.headers['reply-to']).toBe('zoe@acme.test');
    expect(mail?.headers['x-baton-lead']).toBe('b3c1');
    expect(mail?.text?.trim()).toBe('Call her back.');
    expect(mail?.html).toBeUndefined();
  });

  it('escapes lead-provided values in the HTML part and keeps them as typed in the text part', async () => {
    const vars = { lead: { name: '<script>alert("x")</script>', company: 'Smith & Sons' } };
    const rendered = renderNotification(
      { subject: 'New lead: {{lead.name}}', body: 'Lead {{lead.name}} from {{lead.company}}' },
      vars,
    );
    await sender.send({ to: 'rep@example.test', ...rendered });

    const [mail] = capture.list();
    expect(mail?.subject).toBe('New lead: <script>alert("x")</script>');
    expect(mail?.text?.trim()).toBe('Lead <script>alert("x")</script> from Smith & Sons');
    expect(mail?.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail?.html).toContain('Smith &amp; Sons');
    expect(mail?.html).not.toContain('<script>');
  });

  it('attaches a calendar invite', async () => {
    await sender.send({
      to: 'jane@acme.test',
      subject: 'Your call with Baton',
      text: 'See the invite.',
      icalEvent: { method: 'REQUEST', content: invite, filename: 'invite.ics' },
    });
    const [mail] = capture.list();
    const calendar = mail?.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendar?.text).toContain('SUMMARY:Call with Jane');
    expect(mail?.raw).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
  });

  it('refuses a header value that would add headers', async () => {
    const error = await failure(
      sender.send({
        to: 'rep@example.test',
        subject: 's',
        text: 't',
        headers: { 'X-Lead': 'a\r\nBcc: victim@example.test' },
      }),
    );
    expect(error).toMatchObject({ reason: 'invalid_message', retryable: false });
    expect(capture.list()).toEqual([]);
  });

  it('keeps a subject to one line', async () => {
    await sender.send({
      to: 'rep@example.test',
      subject: 'Hello\r\nBcc: victim@example.test',
      text: 't',
    });
    const [mail] = capture.list();
    expect(mail?.subject).toBe('Hello Bcc: victim@example.test');
    expect(mail?.headers['bcc']).toBeUndefined();
    expect(mail?.envelope.to).toEqual(['rep@example.test']);
  });
});

describe('createEmailSender failures', () => {
  it('needs an SMTP URL or transport options', () => {
    expect(() => createEmailSender({ from: 'a@example.test' })).toThrow(EmailSendError);
  });

  it('reports a server that is not there as a retryable connection failure', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const sender = createEmailSender({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'a@example.test',
    });
    const error = await failure(sender.send({ to: 'b@example.test', subject: 's', text: 't' }));
    expect(error).toMatchObject({ reason: 'connection', retryable: true });
    sender.close();
  });

  it('reports a rejected recipient as permanent, with the SMTP reply', async () => {
    const server = await startSmtpServer({
      authOptional: true,
      onRcptTo: (_address, _session, callback) =>
        callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 })),
    });
    const sender = createEmailSender({
      smtpUrl: `smtp://127.0.0.1:${server.port}`,
      from: 'a@example.test',
    });
    try {
      const error = await failure(
        sender.send({ to: 'nobody@example.test', subject: 's', text: 't' }),
      );
      expect(error).toMatchObject({ reason: 'rejected', retryable: false, responseCode: 550 });
    } finally {
      sender.close();
      await server.close();
    }
  });

  it('reports a temporary rejection as retryable', async () => {
    const server = await startSmtpServer({
      authOptional: true,
      onRcptTo: (_address, _session, callback) =>
        callback(Object.assign(new Error('4.2.1 try later'), { responseCode: 451 })),
    });
    const sender = createEmailSender({
      smtpUrl: `smtp://127.0.0.1:${server.port}`,
      from: 'a@example.test',
    });
    try {
      const error = await failure(
        sender.send({ to: 'busy@example.test', subject: 's', text: 't' }),
      );
      expect(error).toMatchObject({ reason: 'rejected', retryable: true, responseCode: 451 });
    } finally {
      sender.close();
      await server.close();
    }
  });

  it('reports bad credentials as an auth failure', async () => {
    const server = await startSmtpServer({
      onAuth: (_auth, _session, callback) =>
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 })),
    });
    const sender = createEmailSender({
      smtpUrl: `smtp://baton:wrong@127.0.0.1:${server.port}`,
      from: 'a@example.test',
    });
    try {
      await expect(failure(sender.verify())).resolves.toMatchObject({
        reason: 'auth',
        retryable: false,
      });
    } finally {
      sender.close();
      await server.close();
    }
  });
});
