import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  brandAssetByFile,
  type FeedFormat,
  type FeedSubject,
  feedPath,
  type Rendered,
} from '../../modules/feeds/index.ts';
import { crop, mimeTypes, parseCropFile } from '../../modules/media/index.ts';
import { brandSvg } from '../../render/components/brand-svg.ts';
import { oembedHtml } from '../../render/components/oembed-card.tsx';
import { DomainError, notFound } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { markForCache } from '../page-cache/index.ts';
import { sendValidated } from './http-cache.ts';
import { registerSearchRoutes } from './search.routes.ts';
import { registerViewsRoutes } from './views.routes.ts';

const feedFiles: Record<string, FeedFormat> = { 'rss.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };
const slugParam = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Feeds and sitemaps may be kept in the page cache, tagged `feeds` (every publish changes them). */
const cached = { config: { pageCache: true } };

/**
 * How the world finds stories: search, feeds (RSS, Atom, JSON Feed), sitemaps and robots.txt, oEmbed,
 * the publisher's logo, focal-point crops for cards, and the reading beacon. One call from build-server.
 */
export function registerDiscoveryRoutes(app: FastifyInstance, deps: HttpDeps): void {
  registerSearchRoutes(app, deps);
  registerViewsRoutes(app, deps);
  registerFeedRoutes(app, deps);
  registerSitemapRoutes(app, deps);
  registerOembedRoute(app, deps);
  registerImageRoutes(app, deps);
}

function sendFeed(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  subject: FeedSubject,
  format: FeedFormat,
  doc: Rendered,
): FastifyReply {
  const hub = deps.feeds.hub;
  if (hub) {
    // WebSub discovery (W3C): the hub and this feed's canonical URL, in the header as well as the feed.
    const self = `${deps.config.siteUrl}${feedPath(subject, format)}`;
    reply.header('link', `<${hub}>; rel="hub", <${self}>; rel="self"`);
  }
  const subjectTags = subject.kind === 'site' ? [] : [`${subject.kind}:${subject.slug}`];
  markForCache(reply, ['feeds', ...subjectTags], 'feed');
  return sendValidated(request, reply, doc);
}

function registerFeedRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const site: FeedSubject = { kind: 'site' };
  for (const [url, format] of [
    ['/feed.xml', 'rss'],
    ['/rss.xml', 'rss'],
    ['/atom.xml', 'atom'],
    ['/feed.json', 'json'],
  ] as const) {
    app.get(url, cached, async (request, reply) =>
      sendFeed(deps, request, reply, site, format, await deps.feeds.feed(site, format)),
    );
  }

  app.get<{ Params: { kind: string; slug: string; file: string } }>(
    '/feeds/:kind/:slug/:file',
    cached,
    async (request, reply) => {
      const { kind, slug, file } = request.params;
      const format = feedFiles[file];
      if (!format || !slugParam.test(slug) || slug.length > 120) throw notFound('The feed');
      if (kind !== 'section' && kind !== 'tag' && kind !== 'author') throw notFound('The feed');
      const subject: FeedSubject = { kind, slug };
      return sendFeed(deps, request, reply, subject, format, await deps.feeds.feed(subject, format));
    },
  );
}

function registerSitemapRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/sitemap.xml', cached, async (request, reply) => {
    markForCache(reply, ['feeds'], 'feed');
    return sendValidated(request, reply, await deps.feeds.sitemapIndex());
  });
  // The Google News sitemap changes as stories age out of its two days: crawlers may keep it a minute.
  app.get('/sitemap-news.xml', cached, async (request, reply) => {
    markForCache(reply, ['feeds'], 'front');
    return sendValidated(request, reply, await deps.feeds.newsSitemap(request.ctx.now));
  });
  app.get<{ Params: { file: string } }>('/sitemaps/:file', cached, async (request, reply) => {
    markForCache(reply, ['feeds'], 'feed');
    const match = /^([a-z0-9-]{1,40})\.xml$/.exec(request.params.file);
    if (!match?.[1]) throw notFound('The sitemap');
    return sendValidated(request, reply, await deps.feeds.sitemap(match[1]));
  });
  app.get('/robots.txt', async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(deps.feeds.robotsTxt()),
  );
}

const oembedQuery = z.object({
  url: z.string().min(1, 'Give the URL of a story.').max(2000),
  format: z.string().optional(),
  maxwidth: z
    .string()
    .regex(/^\d{1,5}$/, 'maxwidth must be a whole number.')
    .optional(),
  maxheight: z
    .string()
    .regex(/^\d{1,5}$/, 'maxheight must be a whole number.')
    .optional(),
});

/** oEmbed 1.0 provider (https://oembed.com): a "rich" card for any published story, JSON only. */
function registerOembedRoute(app: FastifyInstance, deps: HttpDeps): void {
  app.register(async (json) => {
    json.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
      const status =
        error instanceof DomainError
          ? error.status
          : error.statusCode && error.statusCode < 500
            ? error.statusCode
            : 500;
      if (status >= 500) request.log.error({ err: error }, 'oEmbed request failed');
      return reply
        .code(status)
        .header('cache-control', 'no-store')
        .send({ error: status >= 500 ? 'Something went wrong on our side.' : error.message });
    });

    json.get('/oembed', async (request, reply) => {
      const parsed = oembedQuery.safeParse(request.query);
      if (!parsed.success)
        throw new DomainError('bad_request', parsed.error.issues[0]?.message ?? 'Bad request.');
      const query = parsed.data;
      if (query.format && query.format !== 'json') {
        return reply.code(501).header('cache-control', 'no-store').send({ error: 'Only JSON is offered.' });
      }
      let target: URL;
      try {
        target = new URL(query.url);
      } catch {
        throw notFound('The story');
      }
      const origin = new URL(deps.config.siteUrl);
      if (target.host !== origin.host || !/^https?:$/.test(target.protocol)) throw notFound('The story');
      const parts = target.pathname.split('/').filter(Boolean);
      if (parts.length !== 2 || !parts.every((p) => slugParam.test(p))) throw notFound('The story');
      const [section = '', slug = ''] = parts;
      const { article } = await deps.articles.articlePage(request.ctx, section, slug);
      const url = `${deps.config.siteUrl}${article.url}`;
      const width = Math.max(200, Math.min(600, Number(query.maxwidth ?? 600)));
      const height = Math.max(120, Math.min(Number(query.maxheight ?? 400), 400));
      const body: Record<string, unknown> = {
        version: '1.0',
        type: 'rich',
        title: article.headline,
        author_name: article.authors.map((a) => a.name).join(' and ') || undefined,
        author_url: article.authors[0]
          ? `${deps.config.siteUrl}/author/${article.authors[0].slug}`
          : undefined,
        provider_name: deps.config.siteName,
        provider_url: `${deps.config.siteUrl}/`,
        cache_age: 3600,
        html: oembedHtml({
          url,
          headline: article.headline,
          standfirst: article.standfirst,
          siteName: deps.config.siteName,
        }),
        width,
        height,
      };
      if (article.image) {
        const thumb = crop(article.image, '16x9');
        if (thumb.width <= width || !query.maxwidth) {
          body.thumbnail_url = `${deps.config.siteUrl}${thumb.url}`;
          body.thumbnail_width = thumb.width;
          body.thumbnail_height = thumb.height;
        }
      }
      return reply
        .header('cache-control', 'public, max-age=300')
        .type('application/json; charset=utf-8')
        .send(body);
    });
  });
}

function registerImageRoutes(app: FastifyInstance, deps: HttpDeps): void {
  // /media/<id>/crop-<16x9|4x3|1x1|share>-<width>.jpg: each crop exists in one size only, made on first
  // request by the media module (the static plugin that sends files is registered by media.routes.ts).
  app.get<{ Params: { id: string; spec: string } }>('/media/:id/crop-:spec', async (request, reply) => {
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : Number.NaN;
    const parsed = parseCropFile(`crop-${request.params.spec}`);
    if (!Number.isSafeInteger(id) || !parsed) throw notFound('The picture');
    const key = await deps.crops.cropKey(id, parsed.kind, parsed.width);
    const relative = path.relative(deps.config.mediaDir, deps.crops.localPath(key));
    return reply
      .type(mimeTypes.jpeg)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(relative, deps.config.mediaDir, { cacheControl: false });
  });

  // /brand/logo.png, /brand/icon-512.png, /brand/icon-144.png: drawn from the site name.
  app.get<{ Params: { file: string } }>('/brand/:file', async (request, reply) => {
    const asset = brandAssetByFile(request.params.file);
    if (!asset) throw notFound('The picture');
    const png = await deps.crops.svgToPng(brandSvg(asset, deps.config.siteName));
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png);
  });
}
