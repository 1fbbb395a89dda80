import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CachedPage, cachePage, respond } from './cached-page.ts';
import { cacheControl } from './freshness.ts';
import { cacheKey } from './key.ts';
import { cacheMark } from './mark.ts';
import type { PageCache, RenderTicket } from './page-cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route renders reader pages that may be kept in the page cache. */
    pageCache?: boolean;
  }
}

/** Shared caches read Surrogate-Key (Fastly, our Varnish VCL) or Cache-Tag (Cloudflare). */
function tagHeaders(tags: Iterable<string>): { 'surrogate-key': string; 'cache-tag': string } {
  const list = [...tags].sort();
  return { 'surrogate-key': list.join(' '), 'cache-tag': list.join(',') };
}

function send(
  reply: FastifyReply,
  page: CachedPage,
  request: FastifyRequest,
  state: 'hit' | 'stale' | 'miss',
) {
  const answer = respond(
    page,
    {
      // Fastify's HEAD routes drop the body themselves, keeping its Content-Length.
      method: 'GET',
      ifNoneMatch: request.headers['if-none-match'],
      ifModifiedSince: request.headers['if-modified-since'],
      acceptEncoding: request.headers['accept-encoding'],
    },
    state,
  );
  reply.code(answer.status).headers(answer.headers);
  return answer.body;
}

/**
 * The page cache's Fastify hooks. Routes with `config: { pageCache: true }` whose handler marked the reply
 * (`markForCache`) get caching headers (Cache-Control by freshness, Surrogate-Key/Cache-Tag); when the
 * in-process cache is on, their 200 responses are stored and served from memory until a tag is purged.
 * `cache` null (PAGE_CACHE=off) keeps the headers and turns the memory off, for measuring and debugging.
 */
export function registerPageCache(app: FastifyInstance, cache: PageCache | null): void {
  const tickets = new WeakMap<FastifyRequest, RenderTicket>();

  if (cache) {
    app.addHook('onRequest', async (request, reply) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.routeOptions.config.pageCache)
        return;
      const key = cacheKey(request.url);
      const fresh = cache.fresh(key);
      if (fresh) return reply.send(send(reply, fresh, request, 'hit'));
      const running = cache.running(key);
      if (running) {
        const stale = cache.stale(key);
        if (stale) return reply.send(send(reply, stale, request, 'stale'));
        const page = await running;
        if (page) return reply.send(send(reply, page, request, 'hit'));
        return; // not cacheable after all: render for this request
      }
      tickets.set(request, cache.beginRender(key));
    });
    const release = async (request: FastifyRequest) => {
      const ticket = tickets.get(request);
      if (ticket) cache.abandon(ticket);
    };
    app.addHook('onResponse', release);
    app.addHook('onRequestAbort', release);
  }

  // Registered after @fastify/etag (so the ETag is set) and before compression runs (route-level hook).
  app.addHook('onSend', async (request, reply, payload) => {
    const mark = cacheMark(reply);
    if (!mark || !request.routeOptions.config.pageCache || reply.statusCode !== 200) return payload;
    reply.header('cache-control', cacheControl(mark.freshness));
    reply.headers(tagHeaders(mark.tags));
    const ticket = tickets.get(request);
    if (!cache || !ticket || reply.hasHeader('set-cookie')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const page = cachePage({
      body: payload,
      status: 200,
      headers: reply.getHeaders(),
      tags: mark.tags,
      storedAt: Date.now(),
    });
    cache.store(ticket, page);
    tickets.delete(request);
    return send(reply, page, request, 'miss') ?? '';
  });
}

/**
 * Serves a fresh cached page straight from Node's HTTP server, before Fastify routes the request: a hit
 * costs a map lookup and one write. Anything else (stale, missing, not a GET) goes to Fastify. Most hits
 * never get here: the fast lane (`fast-lane.ts`) answers them below Node's HTTP layer; this serves those on
 * connections it handed to Node, and every hit when Fastify listens itself (as some tests do).
 */
export function serveFromCache(cache: PageCache, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
  const page = cache.fresh(cacheKey(req.url));
  if (!page) return false;
  const answer = respond(
    page,
    {
      method: req.method,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      acceptEncoding: req.headers['accept-encoding'],
    },
    'hit',
  );
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body ?? undefined);
  return true;
}
