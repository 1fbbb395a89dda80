import compress from '@fastify/compress';
import etag from '@fastify/etag';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAudioAdmin } from '../http/admin/audio.routes.ts';
import { adminPlugin } from '../http/admin/plugin.ts';
import type { HttpDeps } from '../http/deps.ts';
import { registerContext } from '../http/plugins/context.ts';
import { registerErrors } from '../http/plugins/errors.ts';
import { registerSecurity } from '../http/plugins/security.ts';
import { registerAudioRoutes } from '../http/site/audio.routes.ts';
import { registerDiscoveryRoutes } from '../http/site/discovery.routes.ts';
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
  registerAudioRoutes(app, deps);
  registerDiscoveryRoutes(app, deps);
  registerReaderRoutes(app, deps);
  await app.register(async (admin) => {
    await adminPlugin(admin, deps);
    // The newsroom's audio page, inside the admin scope so its session and CSRF checks apply.
    registerAudioAdmin(admin, deps);
  });
  return app;
}
