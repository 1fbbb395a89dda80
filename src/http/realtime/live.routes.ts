import type { FastifyInstance } from 'fastify';
import { parseLastEventId, parseTopics } from '../../modules/realtime/index.ts';
import type { HttpDeps } from '../deps.ts';
import { type HubOptions, LiveHub } from './hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's SSE hub (connection counts for the bench and monitoring). */
    liveHub: LiveHub;
  }
  interface FastifyRequest {
    /** The newest live event id when the request arrived: pages replay from here (data-live-since). */
    liveSince: number;
  }
}

/**
 * `GET /live/events?topics=site,liveblog:12`: Server-Sent Events for open pages (see hub.ts). Also stamps
 * every request with the live event id current when it arrived, before any data is read, so a page that
 * replays from that id cannot miss a change its own reads did not see.
 */
export function registerLiveRoutes(app: FastifyInstance, deps: HttpDeps, options: HubOptions = {}): LiveHub {
  const hub = new LiveHub(deps.realtime, options);
  app.decorate('liveHub', hub);
  app.decorateRequest('liveSince', 0);
  app.addHook('onRequest', async (request) => {
    request.liveSince = deps.realtime.latestId();
  });
  // Before the server stops accepting: open streams would otherwise hold shutdown until they time out.
  app.addHook('preClose', async () => hub.close());

  app.get<{ Querystring: { topics?: string; lastEventId?: string } }>(
    '/live/events',
    async (request, reply) => {
      const topics = parseTopics(request.query.topics);
      const header = request.headers['last-event-id'];
      // EventSource sends the header when it reconnects; the query names where a fresh page starts.
      const lastEventId = parseLastEventId(
        typeof header === 'string' && header.trim() !== '' ? header : request.query.lastEventId,
      );
      reply.header('cache-control', 'no-store');
      if (request.method === 'HEAD') return reply.type('text/event-stream; charset=utf-8').send('');
      if (hub.full) {
        return reply
          .code(503)
          .header('retry-after', '5')
          .type('text/plain; charset=utf-8')
          .send('Too many live connections here; try again shortly.');
      }
      reply.hijack();
      await hub.open(reply.raw, topics, lastEventId);
    },
  );
  return hub;
}
