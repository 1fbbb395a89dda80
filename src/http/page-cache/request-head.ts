/**
 * The fast lane's request scanner: recognises only a strict, common subset of HTTP/1.1 requests, a plain
 * `GET` or `HEAD` without a body, so that anything it answers is a request Node's parser would read the
 * same way. Everything else (another method or version, a body, an upgrade, obs-fold, bare CR or LF,
 * bytes outside visible ASCII, an incomplete head) is left to Node's parser, which has the last word.
 *
 * Written by hand because nothing on npm puts a small HTTP front before Node's own server and hands it
 * the connections it will not answer (uWebSockets.js, which has fast paths of its kind, is not on npm).
 */

/** A complete request head the fast lane may answer. */
export interface SimpleRequest {
  method: 'GET' | 'HEAD';
  /** The origin-form target as sent: path and query. */
  target: string;
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  /** Offset just past the blank line that ends this head: where the next pipelined request starts. */
  end: number;
}

/** Heads longer than this go to Node (whose own limit, 16 KB, then applies). */
export const maxHeadBytes = 8192;

const endOfHead = Buffer.from('\r\n\r\n', 'latin1');
const version = ' HTTP/1.1';

/** RFC 9110 tchar: the characters of a header name. */
const tchar = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
  tchar[c.charCodeAt(0)] = 1;
}

/** The request headers the fast lane reads or refuses, by length: other names are only checked. */
const watchedLengths = new Set(
  ['host', 'accept-encoding', 'if-none-match', 'if-modified-since', 'connection']
    .concat(['content-length', 'transfer-encoding', 'expect', 'upgrade'])
    .map((name) => name.length),
);

/**
 * The request whose head starts at `start`, or null when the fast lane must not answer it: the head is
 * incomplete, too long, or outside the subset. One pass over the head; only the values it needs become
 * strings of their own.
 */
export function scanRequest(buffer: Buffer, start: number): SimpleRequest | null {
  const headEnd = buffer.indexOf(endOfHead, start);
  if (headEnd === -1 || headEnd - start > maxHeadBytes) return null;
  const head = buffer.toString('latin1', start, headEnd);
  let lineEnd = lineEndAt(head, 0);
  const method = head.startsWith('GET ') ? 'GET' : head.startsWith('HEAD ') ? 'HEAD' : null;
  const target = method && requestTarget(head.slice(0, lineEnd), method);
  if (!method || !target) return null;
  // Every field set here, none added later: V8 keeps such objects fast (a spread made it 4x slower).
  const request: SimpleRequest = {
    method,
    target,
    acceptEncoding: undefined,
    ifNoneMatch: undefined,
    ifModifiedSince: undefined,
    end: headEnd + endOfHead.length,
  };
  let hosts = 0;
  for (let at = lineEnd + 2; at < head.length; at = lineEnd + 2) {
    lineEnd = lineEndAt(head, at);
    let colon = at;
    while (colon < lineEnd && isTokenChar(head.charCodeAt(colon))) colon++;
    if (colon === at || head.charCodeAt(colon) !== 0x3a || !isFieldValue(head, colon + 1, lineEnd))
      return null;
    if (!watchedLengths.has(colon - at)) continue;
    const value = trimmed(head, colon + 1, lineEnd);
    switch (head.slice(at, colon).toLowerCase()) {
      case 'host':
        // Node answers 400 to an empty Host.
        if (value === '') return null;
        hosts++;
        break;
      case 'accept-encoding':
        if (request.acceptEncoding !== undefined) return null;
        request.acceptEncoding = value;
        break;
      case 'if-none-match':
        if (request.ifNoneMatch !== undefined) return null;
        request.ifNoneMatch = value;
        break;
      case 'if-modified-since':
        if (request.ifModifiedSince !== undefined) return null;
        request.ifModifiedSince = value;
        break;
      case 'connection':
        // Keep-alive is HTTP/1.1's default; `close` and anything else are Node's to handle.
        if (value.toLowerCase() !== 'keep-alive') return null;
        break;
      case 'content-length':
      case 'transfer-encoding':
      case 'expect':
      case 'upgrade':
        return null;
    }
  }
  // HTTP/1.1 requires exactly one Host; Node answers 400 without it.
  return hosts === 1 ? request : null;
}

function lineEndAt(head: string, from: number): number {
  const end = head.indexOf('\r\n', from);
  return end === -1 ? head.length : end;
}

/** The target of `METHOD SP target SP HTTP/1.1`, if it is visible ASCII starting with `/`. */
function requestTarget(line: string, method: string): string | null {
  if (!line.endsWith(version)) return null;
  const target = line.slice(method.length + 1, line.length - version.length);
  if (target.charCodeAt(0) !== 0x2f) return null;
  for (let i = 1; i < target.length; i++) {
    const c = target.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return null;
  }
  return target;
}

function isTokenChar(c: number): boolean {
  return c < 0x80 && tchar[c] === 1;
}

/** Visible ASCII, SP and HTAB only: no CR, LF or other control, no obs-text. */
function isFieldValue(head: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = head.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c > 0x7e) return false;
  }
  return true;
}

/** The value without the optional whitespace around it. */
function trimmed(head: string, from: number, to: number): string {
  let first = from;
  let last = to;
  while (first < last && isBlank(head.charCodeAt(first))) first++;
  while (last > first && isBlank(head.charCodeAt(last - 1))) last--;
  return head.slice(first, last);
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
