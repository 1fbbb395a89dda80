import { STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';
import { compressBody, type Encoding, encodingFor } from '../compression/index.ts';

/** A rendered response, compressed once when stored, served to many. */
export interface CachedPage {
  status: number;
  /** The response headers as first sent, without those that vary per request or per encoding. */
  headers: Readonly<Record<string, string>>;
  etag: string;
  bodies: Readonly<Record<Encoding, Buffer>>;
  tags: readonly string[];
  storedAt: number;
  /** The complete headers of a plain hit in each encoding, built once: a hit allocates nothing. */
  hitHeaders: Readonly<Record<Encoding, Readonly<Record<string, string | number>>>>;
  /**
   * A hit's status line and headers as bytes on the wire, for each answer, built once for the fast lane:
   * what Node writes for `hitHeaders` (or the 304's headers), less the Date and connection lines it adds.
   */
  hitHeads: Readonly<Record<Variant, Buffer>>;
  /** Bytes held, all encodings and heads together. */
  size: number;
}

/** Which answer a request for a cached page gets: a body in one encoding, or 304 Not Modified. */
export type Variant = Encoding | 'notModified';

/** Per-request or per-encoding headers, set again on every response. */
const perResponse = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'date',
  'keep-alive',
  'x-page-cache',
  'request-id',
  'x-request-id',
]);

/** A page to keep: compressed once in each encoding, with every hit's headers built now. */
export function cachePage(input: {
  body: string | Buffer;
  status: number;
  headers: Record<string, unknown>;
  tags: Iterable<string>;
  storedAt: number;
}): CachedPage {
  const identity = Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body);
  const br = compressBody(identity, 'br', 'stored');
  const gz = compressBody(identity, 'gzip', 'stored');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    if (value === undefined || perResponse.has(name.toLowerCase())) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  headers.vary = 'Accept-Encoding';
  const bodies = { br, gzip: gz, identity };
  const hitHeaders = {
    br: encodedHeaders(headers, 'br', br.length, 'hit'),
    gzip: encodedHeaders(headers, 'gzip', gz.length, 'hit'),
    identity: encodedHeaders(headers, 'identity', identity.length, 'hit'),
  };
  const hitHeads = {
    br: wireHead(input.status, hitHeaders.br),
    gzip: wireHead(input.status, hitHeaders.gzip),
    identity: wireHead(input.status, hitHeaders.identity),
    notModified: wireHead(304, notModifiedHeaders(headers, 'hit')),
  };
  const headBytes = Object.values(hitHeads).reduce((sum, head) => sum + head.length, 0);
  return {
    status: input.status,
    headers,
    etag: headers.etag ?? '',
    bodies,
    tags: [...input.tags],
    storedAt: input.storedAt,
    size: identity.length + br.length + gz.length + headBytes,
    hitHeaders,
    hitHeads,
  };
}

/**
 * The status line and header lines Node's `writeHead(status, headers)` writes, in the same order and
 * case, as latin1 bytes (as Node writes headers). Names and values are checked as Node checks them.
 */
function wireHead(status: number, headers: Readonly<Record<string, string | number>>): Buffer {
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    const text = String(value);
    validateHeaderName(name);
    validateHeaderValue(name, text);
    head += `${name}: ${text}\r\n`;
  }
  return Buffer.from(head, 'latin1');
}

function notModifiedHeaders(
  headers: Readonly<Record<string, string>>,
  state: string,
): Record<string, string> {
  return { ...headers, 'x-page-cache': state };
}

function encodedHeaders(
  headers: Record<string, string>,
  encoding: Encoding,
  length: number,
  state: string,
): Record<string, string | number> {
  const all: Record<string, string | number> = {
    ...headers,
    'x-page-cache': state,
    'content-length': length,
  };
  if (encoding !== 'identity') all['content-encoding'] = encoding;
  return all;
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/**
 * RFC 9110 conditional GET: If-None-Match (weak comparison) decides when sent; If-Modified-Since only
 * counts without it, and only for pages that carry Last-Modified (feeds, sitemaps).
 */
export function notModified(
  page: Pick<CachedPage, 'etag' | 'headers'>,
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
): boolean {
  if (ifNoneMatch) {
    if (ifNoneMatch.trim() === '*') return true;
    const mine = opaque(page.etag);
    return mine !== '' && ifNoneMatch.split(',').some((candidate) => opaque(candidate) === mine);
  }
  const lastModified = page.headers['last-modified'];
  if (!ifModifiedSince || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

export interface PageResponse {
  status: number;
  headers: Readonly<Record<string, string | number>>;
  body: Buffer | null;
}

/** The request headers that choose the answer for a cached page. */
export interface PageRequest {
  method?: string | undefined;
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
  acceptEncoding?: string | undefined;
}

/** Which answer a request gets: 304 when its validators match, else the body in its best encoding. */
export function variantFor(page: CachedPage, request: PageRequest): Variant {
  if (notModified(page, request.ifNoneMatch, request.ifModifiedSince)) return 'notModified';
  return encodingFor(request.acceptEncoding);
}

/** What to answer a GET or HEAD for a cached page: 304, or the body in the client's encoding. */
export function respond(
  page: CachedPage,
  request: PageRequest,
  state: 'hit' | 'stale' | 'miss',
): PageResponse {
  const variant = variantFor(page, request);
  if (variant === 'notModified') {
    return { status: 304, headers: notModifiedHeaders(page.headers, state), body: null };
  }
  const encoding = variant;
  const body = page.bodies[encoding];
  const headers =
    state === 'hit' ? page.hitHeaders[encoding] : encodedHeaders(page.headers, encoding, body.length, state);
  return { status: page.status, headers, body: request.method === 'HEAD' ? null : body };
}
