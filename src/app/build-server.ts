import compress from '@fastify/compress';
import etag from '@fastify/etag';
import Fastify, { type FastifyInstance } from 'fastify';
import type { HttpDeps } from '../http/deps.ts';
import { registerContext } from '../http/plugins/context.ts';
import { registerErrors } from '../http/plugins/errors.ts';
import { registerSecurity } from '../http/plugins/security.ts';
import { registerMediaRoutes } from '../http/site/media.routes.ts';
import { registerReaderRoutes } from '../http/site/reader.routes.ts';

export interface ServerOptions {
  logLevel?: string;
}

/** The configured HTTP app, not listening: main.ts listens, tests use inject(). */
export async function buildServer(deps: HttpDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? deps.config.logLevel },
    // Long or odd URLs are bad input, answered with 4xx by the router, not passed to handlers.
    routerOptions: { maxParamLength: 200 },
    trustProxy: true,
  });
  registerContext(app);
  await registerSecurity(app);
  // Weak ETags: the same page compressed differently is still the same page.
  await app.register(etag, { weak: true });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  registerErrors(app, deps);
  deps.assets.register(app);
  await registerMediaRoutes(app, deps);
  registerReaderRoutes(app, deps);
  return app;
}
