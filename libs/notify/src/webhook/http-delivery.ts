import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pinnedLookup, type ResolvedAddress } from './resolve-allowed-address';
import { clipText } from '@baton/text';

export interface HttpDeliveryRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** The checked address to connect to. */
  address: ResolvedAddress;
  signal: AbortSignal;
}

export interface HttpDeliveryResponse {
  status: number;
  location?: string;
  body: string;
}

// Enough of the receiver's answer to explain a failure on the timeline.
export const RESPONSE_BODY_LIMIT = 4 * 1024;

function readLimited(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= RESPONSE_BODY_LIMIT) {
        res.destroy();
        resolve(Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8'));
      }
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    // An abort (timeout) mid-body closes the stream without 'end'; do not wait forever.
    res.on('close', () => {
      if (!res.complete) reject(new Error('connection closed before the response ended'));
    });
  });
}

/**
 * One HTTP(S) request with node's client: connects to the pinned address (TLS still checks the
 * certificate against the hostname), fresh connection per call, no redirects followed.
 */
export function deliverOverHttp(req: HttpDeliveryRequest): Promise<HttpDeliveryResponse> {
  const send = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      req.url,
      {
        method: req.method,
        headers: { ...req.headers, 'Content-Length': String(Buffer.byteLength(req.body)) },
        lookup: pinnedLookup(req.address),
        agent: false,
        signal: req.signal,
      },
      (res) => {
        readLimited(res).then(
          (body) => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/** The same call through an injected fetch: redirects not followed, but no address pinning. */
export async function deliverOverFetch(
  fetchImpl: typeof fetch,
  req: Omit<HttpDeliveryRequest, 'address'>,
): Promise<HttpDeliveryResponse> {
  const res = await fetchImpl(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    redirect: 'manual',
    signal: req.signal,
  });
  const text = await res.text();
  return {
    status: res.status,
    location: res.headers.get('location') ?? undefined,
    body: clipText(text, RESPONSE_BODY_LIMIT, ''),
  };
}
