import type { FastifyReply, FastifyRequest } from 'fastify';

/** A document with validators: feeds, sitemaps. */
export interface Validated {
  body: string;
  contentType: string;
  etag: string;
  lastModified: Date;
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/**
 * RFC 9110 conditional GET: If-None-Match (weak comparison, lists and "*") wins; If-Modified-Since is
 * only consulted when no If-None-Match was sent.
 */
export function isNotModified(
  request: FastifyRequest,
  doc: Pick<Validated, 'etag' | 'lastModified'>,
): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string' && ifNoneMatch.trim() !== '') {
    if (ifNoneMatch.trim() === '*') return true;
    const mine = opaque(doc.etag);
    return ifNoneMatch.split(',').some((tag) => opaque(tag) === mine);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (typeof ifModifiedSince === 'string') {
    const since = Date.parse(ifModifiedSince);
    if (!Number.isNaN(since)) return Math.floor(doc.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** Sends a feed or sitemap with ETag and Last-Modified, or a bodiless 304 when the client has it. */
export function sendValidated(
  request: FastifyRequest,
  reply: FastifyReply,
  doc: Validated,
  cacheControl = 'public, max-age=300, stale-while-revalidate=60',
): FastifyReply {
  reply
    .header('etag', doc.etag)
    .header('last-modified', doc.lastModified.toUTCString())
    .header('cache-control', cacheControl)
    .header('vary', 'accept-encoding')
    .type(doc.contentType);
  if (isNotModified(request, doc)) return reply.code(304).send();
  return reply.send(doc.body);
}
