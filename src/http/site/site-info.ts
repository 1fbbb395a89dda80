import type { FastifyRequest } from 'fastify';
import type { SiteInfo } from '../../render/site-info.ts';
import type { HttpDeps } from '../deps.ts';

export async function siteInfo(deps: HttpDeps, request: FastifyRequest): Promise<SiteInfo> {
  const sections = await deps.articles.sections().catch(() => []);
  return {
    name: deps.config.siteName,
    url: deps.config.siteUrl,
    language: deps.config.language,
    timeZone: deps.config.timeZone,
    sections: sections.map(({ slug, name }) => ({ slug, name })),
    now: request.ctx.now,
    stylesheet: deps.assets.url('site.css'),
    scripts: {
      search: islandUrl(deps, 'search.js'),
      views: islandUrl(deps, 'views.js'),
      live: islandUrl(deps, 'live.js'),
      breaking: islandUrl(deps, 'breaking.js'),
      // Breaking-news alerts: no opt-in at all when PUSH_NOTIFICATIONS=off.
      pushOptIn: deps.push.enabled ? islandUrl(deps, 'push-optin.js') : undefined,
    },
    breaking: deps.breaking.current(request.ctx.now),
    liveSince: request.liveSince,
  };
}

/** The hashed URL of a built island, or undefined when it has not been built (pages work without it). */
function islandUrl(deps: HttpDeps, name: string): string | undefined {
  try {
    return deps.assets.url(name);
  } catch {
    return undefined;
  }
}
