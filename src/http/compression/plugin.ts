import type { FastifyInstance, FastifyReply } from 'fastify';
import { compressBody } from './compress.ts';
import { encodingFor } from './encoding.ts';

/** Smaller bodies go as they are: compressing them would save less than a packet. */
const threshold = 1024;

/** Text formats worth compressing; pictures, audio and video come compressed already. */
const compressible = /^(text\/|application\/(json|javascript|xml|[\w.+-]+\+(json|xml))|image\/svg\+xml)/i;

/**
 * Compresses every response body held in memory (pages, feeds, sitemaps, JSON, scripts) in the best
 * encoding the client accepts, in one call (see compress.ts for why not streams). Bodies that already
 * carry an encoding (page cache hits, stored pages) pass through; streamed bodies are pictures, audio and
 * live event streams, which are never compressed here. Registered after the page cache's hooks.
 *
 * Written here rather than with @fastify/compress, which compresses each body as a stream: on a 2-core
 * machine that cost several times the CPU of the compression itself.
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !compressible.test(type)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < threshold) return payload;
    varyOnEncoding(reply);
    const encoding = encodingFor(request.headers['accept-encoding']);
    if (encoding === 'identity') return body;
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressBody(body, encoding, 'response');
  });
}

/** The body depends on Accept-Encoding, whichever encoding this client got: shared caches must know. */
function varyOnEncoding(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  if (current === undefined) {
    reply.header('vary', 'Accept-Encoding');
    return;
  }
  const text = Array.isArray(current) ? current.join(', ') : String(current);
  if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(text)) reply.header('vary', `${text}, Accept-Encoding`);
}
