import { type ClientRequest, get } from 'node:http';

/** An open GET /api/v1/events stream, collecting the lead ids of its lead.updated events. */
export interface LiveEventStream {
  leadIds: string[];
  request: ClientRequest;
}

/** Opens the live event stream on a listening API as the person whose session cookie is given. */
export function openLiveEventStream(port: number, cookie: string): Promise<LiveEventStream> {
  return new Promise<LiveEventStream>((resolve, reject) => {
    const stream = { leadIds: [] as string[] } as LiveEventStream;
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
            if (!lines.includes('event: lead.updated')) continue;
            const data = lines.find((l) => l.startsWith('data: '))?.slice(6) ?? '{}';
            stream.leadIds.push((JSON.parse(data) as { leadId: string }).leadId);
          }
        });
        resolve(stream);
      },
    );
    stream.request.on('error', reject);
  });
}
