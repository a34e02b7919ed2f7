/**
 * MHTML ("Webpage, single file", what Chromium saves and what capture tools produce):
 * a MIME multipart/related message whose first text/html part is the page, with frames as
 * further text/html parts that the page's iframes reference by `cid:` or by URL. The scan
 * reads the page, and each same-capture frame as if it were the iframe's srcdoc.
 */

export interface MhtmlPart {
  headers: Map<string, string>;
  body: Uint8Array;
}

export interface MhtmlPage {
  /** The page's bytes, transfer-decoded; the charset is still to be sniffed or taken from `charset`. */
  html: Uint8Array;
  charset: string | null;
  url: string | null;
  /** Frame documents by the references an iframe src may use (cid:…, Content-Location). */
  frames: Map<string, { html: Uint8Array; charset: string | null }>;
}

const latin1 = new TextDecoder('windows-1252');

/** True when the bytes start like a MIME message (headers, then a multipart/related body). */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = latin1.decode(bytes.subarray(0, 4096));
  return /^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?content-type:\s*multipart\/related/im.test(head) && !/^\s*</.test(head);
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Folded header lines continue with white space.
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function param(header: string | undefined, name: string): string | null {
  if (!header) return null;
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first as number, from); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Splits a header block from its body at the first blank line. */
function splitHeaders(bytes: Uint8Array): { headers: Map<string, string>; body: Uint8Array } {
  const crlf = indexOf(bytes, new Uint8Array([13, 10, 13, 10]), 0);
  const lf = indexOf(bytes, new Uint8Array([10, 10]), 0);
  const [at, skip] = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : lf >= 0 ? [lf, 2] : [bytes.length, 0];
  return { headers: parseHeaders(latin1.decode(bytes.subarray(0, at))), body: bytes.subarray(at + skip) };
}

export function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  const hex = (c: number | undefined): number => {
    if (c === undefined) return -1;
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 65 && c <= 70) return c - 55;
    if (c >= 97 && c <= 102) return c - 87;
    return -1;
  };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c !== 61) {
      out[n++] = c;
      continue;
    }
    // "=" then CRLF or LF is a soft line break; "=XX" a byte; anything else stays as written.
    if (bytes[i + 1] === 13 && bytes[i + 2] === 10) i += 2;
    else if (bytes[i + 1] === 10) i += 1;
    else {
      const hi = hex(bytes[i + 1]);
      const lo = hex(bytes[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
      } else out[n++] = c;
    }
  }
  return out.subarray(0, n);
}

function transferDecode(body: Uint8Array, encoding: string | undefined): Uint8Array {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return new Uint8Array(Buffer.from(latin1.decode(body).replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
    default:
      return body;
  }
}

/** The parts of a multipart MHTML message; empty when it has no boundary. */
export function mhtmlParts(bytes: Uint8Array): { headers: Map<string, string>; parts: MhtmlPart[] } {
  const top = splitHeaders(bytes);
  const boundary = param(top.headers.get('content-type'), 'boundary');
  if (!boundary) return { headers: top.headers, parts: [] };
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: MhtmlPart[] = [];
  let at = indexOf(top.body, delimiter, 0);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (top.body[start] === 45 && top.body[start + 1] === 45) break; // closing "--boundary--"
    const next = indexOf(top.body, delimiter, start);
    let chunk = top.body.subarray(start, next < 0 ? top.body.length : next);
    // The line break after the delimiter and the one before the next belong to the framing.
    if (chunk[0] === 13 && chunk[1] === 10) chunk = chunk.subarray(2);
    else if (chunk[0] === 10) chunk = chunk.subarray(1);
    if (chunk[chunk.length - 2] === 13 && chunk[chunk.length - 1] === 10) chunk = chunk.subarray(0, chunk.length - 2);
    else if (chunk[chunk.length - 1] === 10) chunk = chunk.subarray(0, chunk.length - 1);
    const { headers, body } = splitHeaders(chunk);
    parts.push({ headers, body: transferDecode(body, headers.get('content-transfer-encoding')) });
    at = next;
  }
  return { headers: top.headers, parts };
}

/** The page of an MHTML file and its frames; null when it holds no HTML part. */
export function readMhtml(bytes: Uint8Array): MhtmlPage | null {
  const { headers, parts } = mhtmlParts(bytes);
  const html = parts.filter((p) => /^text\/html\b/i.test(p.headers.get('content-type') ?? ''));
  const main = html[0];
  if (!main) return null;
  const frames = new Map<string, { html: Uint8Array; charset: string | null }>();
  for (const part of html.slice(1)) {
    const frame = { html: part.body, charset: param(part.headers.get('content-type'), 'charset') };
    const id = part.headers.get('content-id')?.replace(/^<|>$/g, '');
    if (id) frames.set(`cid:${id}`, frame);
    const location = part.headers.get('content-location');
    if (location) frames.set(location, frame);
  }
  return {
    html: main.body,
    charset: param(main.headers.get('content-type'), 'charset'),
    url: headers.get('snapshot-content-location') ?? main.headers.get('content-location') ?? null,
    frames,
  };
}
