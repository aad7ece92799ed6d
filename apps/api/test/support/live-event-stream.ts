import { type ClientRequest, get } from 'node:http';
import type { AlertStreamEvent } from '@baton/api-contract';

/** An open GET /api/v1/events stream, collecting its lead.updated lead ids and alert events. */
export interface LiveEventStream {
  leadIds: string[];
  alerts: AlertStreamEvent[];
  request: ClientRequest;
}

/** Opens the live event stream on a listening API as the person whose session cookie is given. */
export function openLiveEventStream(port: number, cookie: string): Promise<LiveEventStream> {
  return new Promise<LiveEventStream>((resolve, reject) => {
    const stream = { leadIds: [] as string[], alerts: [] as AlertStreamEvent[] } as LiveEventStream;
    stream.request = get(
      { host: '127.0.0.1', port, path: '/api/v1/events', headers: { cookie } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`events: ${res.statusCode}`));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const messages = buffer.split('\n\n');
          buffer = messages.pop() ?? '';
          for (const message of messages) {
            const lines = message.split('\n');
            const data = JSON.parse(
              lines.find((l) => l.startsWith('data: '))?.slice(6) ?? '{}',
            ) as unknown;
            if (lines.includes('event: lead.updated'))
              stream.leadIds.push((data as { leadId: string }).leadId);
            if (lines.includes('event: alert')) stream.alerts.push(data as AlertStreamEvent);
          }
        });
        resolve(stream);
      },
    );
    stream.request.on('error', reject);
  });
}
