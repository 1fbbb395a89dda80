import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../../shared/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

/** Every request gets its context (id, the time it arrived) before any route runs. */
export function registerContext(app: FastifyInstance): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request) => {
    request.ctx = { requestId: request.id, now: new Date() };
  });
}
