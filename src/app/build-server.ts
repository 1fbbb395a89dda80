import { createServer } from 'node:http';
import etag from '@fastify/etag';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAudioAdmin } from '../http/admin/audio.routes.ts';
import { registerBreakingAdmin } from '../http/admin/breaking.routes.ts';
import { registerLiveBlogAdmin } from '../http/admin/liveblog.routes.ts';
import { adminPlugin } from '../http/admin/plugin.ts';
import { registerPushAdmin } from '../http/admin/push.routes.ts';
import { registerCompression } from '../http/compression/index.ts';
import type { HttpDeps } from '../http/deps.ts';
import { registerPageCache, serveFromCache } from '../http/page-cache/index.ts';
import { registerContext } from '../http/plugins/context.ts';
import { registerErrors } from '../http/plugins/errors.ts';
import { registerSecurity } from '../http/plugins/security.ts';
import type { HubOptions } from '../http/realtime/hub.ts';
import { registerLiveRoutes } from '../http/realtime/live.routes.ts';
import { registerAudioRoutes } from '../http/site/audio.routes.ts';
import { registerDiscoveryRoutes } from '../http/site/discovery.routes.ts';
import { registerLiveBlogRoutes } from '../http/site/liveblog.routes.ts';
import { registerMediaRoutes } from '../http/site/media.routes.ts';
import { registerPushRoutes } from '../http/site/push.routes.ts';
import { registerReaderRoutes } from '../http/site/reader.routes.ts';

export interface ServerOptions {
  logLevel?: string;
  /** Server-Sent Events tuning (heartbeat, buffer limits); tests shorten the heartbeat. */
  live?: HubOptions;
}

/**
 * The configured HTTP app, not listening: main.ts listens through the page cache's fast lane (`listen` in
 * http/page-cache), tests use inject().
 */
export async function buildServer(deps: HttpDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? deps.config.logLevel },
    // Long or odd URLs are bad input, answered with 4xx by the router, not passed to handlers.
    routerOptions: { maxParamLength: 200 },
    trustProxy: true,
    // Fresh cached pages are answered before Fastify routes the request: on the connections the fast
    // lane hands over, or all of them when Fastify listens itself (tests' inject() skips this and is
    // served by the cache's own hooks instead).
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!deps.pageCache || !serveFromCache(deps.pageCache, req, res)) handler(req, res);
      }),
  });
  registerContext(app);
  await registerSecurity(app);
  // Weak ETags: the same page compressed differently is still the same page.
  await app.register(etag, { weak: true });
  registerPageCache(app, deps.pageCache);
  // After the page cache's hooks: what it stores it compresses itself; everything else is compressed here.
  registerCompression(app);
  registerErrors(app, deps);
  deps.assets.register(app);
  // Before the reader routes: it stamps each request with the live event id its page replays from.
  registerLiveRoutes(app, deps, options.live);
  await registerMediaRoutes(app, deps);
  registerAudioRoutes(app, deps);
  registerDiscoveryRoutes(app, deps);
  // Breaking-news alerts: /sw.js and the reader's opt-in (/push/*).
  registerPushRoutes(app, deps);
  registerReaderRoutes(app, deps);
  registerLiveBlogRoutes(app, deps);
  await app.register(async (admin) => {
    await adminPlugin(admin, deps);
    // The newsroom's audio page, inside the admin scope so its session and CSRF checks apply.
    registerAudioAdmin(admin, deps);
    registerBreakingAdmin(admin, deps);
    registerLiveBlogAdmin(admin, deps);
    registerPushAdmin(admin, deps);
  });
  return app;
}
