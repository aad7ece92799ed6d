import { createEmailSender } from './email-sender';
import { createSmtpCapture } from './smtp-capture';

describe('createSmtpCapture', () => {
  it('listens on 127.0.0.1 and keeps only the newest messages', async () => {
    const capture = await createSmtpCapture({ maxMessages: 2 });
    const sender = createEmailSender({ smtpUrl: capture.url, from: 'baton@example.test' });
    const seen: string[] = [];
    const unsubscribe = capture.onMessage((mail) => seen.push(mail.subject ?? ''));
    try {
      expect(capture.url).toBe(`smtp://127.0.0.1:${capture.port}`);
      for (const n of [1, 2, 3])
        await sender.send({ to: 'rep@example.test', subject: `Lead ${n}`, text: `Body ${n}` });

      expect(capture.list().map((m) => m.subject)).toEqual(['Lead 3', 'Lead 2']);
      expect(seen).toEqual(['Lead 1', 'Lead 2', 'Lead 3']);

      unsubscribe();
      capture.clear();
      await sender.send({ to: 'rep@example.test', subject: 'Lead 4', text: 'Body 4' });
      expect(capture.list().map((m) => m.subject)).toEqual(['Lead 4']);
      expect(seen).toHaveLength(3);
    } finally {
      sender.close();
      await capture.close();
    }
  });

  it('accepts a sender that logs in', async () => {
    const capture = await createSmtpCapture();
    const sender = createEmailSender({
      smtpUrl: `smtp://dev:dev@127.0.0.1:${capture.port}`,
      from: 'baton@example.test',
    });
    try {
      await sender.send({ to: 'rep@example.test', subject: 'With auth', text: 'ok' });
      expect(capture.list()[0]?.subject).toBe('With auth');
    } finally {
      sender.close();
      await capture.close();
    }
  });
});
