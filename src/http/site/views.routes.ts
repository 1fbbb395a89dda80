import type { FastifyInstance } from 'fastify';
import type { HttpDeps } from '../deps.ts';

/**
 * POST /views: the reading beacon (client/views). Always answers 204 with nothing in it, whether the view
 * was counted or not, so the endpoint tells a bot nothing. No cookie is read or set; the address is used
 * only, hashed, to not count one reader's reloads twice (see ViewsService), and is never stored.
 */
export function registerViewsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.post('/views', { bodyLimit: 256 }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    // Browsers say where a request came from; a beacon from another site is not one of our readers.
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return reply.code(204).send();
    let body: unknown = request.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        return reply.code(204).send();
      }
    }
    const articleId = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
    deps.views.record(
      {
        articleId,
        userAgent: request.headers['user-agent'],
        client: request.ip,
      },
      request.ctx.now,
    );
    return reply.code(204).send();
  });
}
