// A small MIME reader for the SMTP capture: enough to show what nodemailer sent (headers,
// text, html, attachment names). Not a general mail parser; real mail goes to a real server.

export interface MimeAttachment {
  contentType: string;
  filename?: string;
  size: number;
  /** Text content for text/* parts such as text/calendar, so the UI can show an invite. */
  text?: string;
}

export interface ParsedMimeMessage {
  /** Lower-case header names; repeated headers joined with ", "; encoded words decoded. */
  headers: Record<string, string>;
  text?: string;
  html?: string;
  attachments: MimeAttachment[];
}

interface ContentType {
  type: string;
  params: Record<string, string>;
}

function splitHead(raw: string): [head: string, body: string] {
  const match = /\r?\n\r?\n/.exec(raw);
  return match ? [raw.slice(0, match.index), raw.slice(match.index + match[0].length)] : [raw, ''];
}

function decodeBytes(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

// Input strings hold one byte per char (the message is read as latin1), so char codes are bytes.
function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(soft.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), adjacent ones joined. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, charset: string, encoding: string, data: string) =>
        encoding.toUpperCase() === 'B'
          ? decodeBytes(Buffer.from(data, 'base64'), charset)
          : decodeBytes(decodeQuotedPrintable(data.replace(/_/g, ' ')), charset),
    );
}

function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeEncodedWords(line.slice(colon + 1).trim());
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

function parseContentType(value = 'text/plain'): ContentType {
  const [type = 'text/plain', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq > 0)
      params[param.slice(0, eq).trim().toLowerCase()] = param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeBody(body: string, encoding = '7bit'): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return Buffer.from(body, 'latin1');
  }
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  for (const chunk of body.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    parts.push(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, ''));
  }
  return parts;
}

function walk(raw: string, out: ParsedMimeMessage, headers: Record<string, string>): void {
  const [, body] = splitHead(raw);
  const contentType = parseContentType(headers['content-type']);
  const boundary = contentType.params['boundary'];
  if (contentType.type.startsWith('multipart/') && boundary) {
    for (const part of splitMultipart(body, boundary))
      walk(part, out, parseHeaders(splitHead(part)[0]));
    return;
  }
  const bytes = decodeBody(body, headers['content-transfer-encoding']);
  const attached = /^attachment/i.test(headers['content-disposition'] ?? '');
  const text = contentType.type.startsWith('text/')
    ? decodeBytes(bytes, contentType.params['charset'])
    : undefined;
  if (!attached && contentType.type === 'text/plain' && out.text === undefined) out.text = text;
  else if (!attached && contentType.type === 'text/html' && out.html === undefined) out.html = text;
  else {
    const filename =
      parseContentType(`x; ${headers['content-disposition'] ?? ''}`).params['filename'] ??
      contentType.params['name'];
    out.attachments.push({ contentType: contentType.type, filename, size: bytes.length, text });
  }
}

/** Reads a raw RFC 5322 message (as received over SMTP). */
export function parseMimeMessage(raw: string): ParsedMimeMessage {
  const headers = parseHeaders(splitHead(raw)[0]);
  const message: ParsedMimeMessage = { headers, attachments: [] };
  walk(raw, message, headers);
  return message;
}
