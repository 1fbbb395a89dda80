import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import {
  type ArticlePageData,
  referencedArticleIds,
  referencedMediaIds,
} from '../../modules/articles/index.ts';
import { LiveBlogsService, type LiveBlogView } from '../../modules/liveblogs/index.ts';
import type { LivePage } from '../../render/components/liveblog/live-meta.ts';
import { ArticlePage } from '../../render/pages/site/article-page.tsx';
import type { SiteInfo } from '../../render/site-info.ts';
import { notFound } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { storyFreshness } from '../page-cache/index.ts';
import { sendHtml } from '../plugins/html.ts';
import { sendValidated } from './http-cache.ts';
import { parsePage } from './params.ts';
import { siteInfo } from './site-info.ts';

type Params = { section: string; slug: string };

function islandUrl(deps: HttpDeps): string | undefined {
  try {
    return deps.assets.url('liveblog.js');
  } catch {
    return undefined;
  }
}

/**
 * The blog's entries with what their blocks point at (linked stories, pictures) added to the article's
 * own, so one block renderer serves the summary and every entry.
 */
async function withEntryContext(deps: HttpDeps, data: ArticlePageData, view: LiveBlogView) {
  const bodies = [view.highlighted, view.pinned, ...view.entries].flatMap((e) => (e ? [e.body] : []));
  const [cards, images] = await Promise.all([
    deps.articles.cardsByIds([...new Set(bodies.flatMap((b) => referencedArticleIds(b)))]),
    deps.media.imagesById([...new Set(bodies.flatMap((b) => referencedMediaIds(b)))]),
  ]);
  return {
    ...data,
    linked: new Map([...data.linked, ...cards.map((c) => [c.id, c] as const)]),
    images: new Map([...data.images, ...images]),
  };
}

/**
 * Renders the page of a live blog (called by the article route when the article's label is "Live"):
 * summary, key events, pinned entry, entries newest first, paged with `?page=`. Short cache lifetimes
 * while the blog runs, the story's usual ones once it has ended.
 */
export async function sendLiveBlog(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
  data: ArticlePageData,
  highlight?: number,
): Promise<FastifyReply> {
  const page = highlight === undefined ? parsePage(request.query) : 1;
  const view = await deps.liveblogs.readerView(data.article, page, highlight);
  const [pageData, related, mostRead] = await Promise.all([
    withEntryContext(deps, data, view),
    deps.related.forArticle(data.article).catch(() => []),
    deps.views.mostRead(request.ctx.now).catch(() => []),
  ]);
  const live: LivePage = { view, script: islandUrl(deps) };
  const { article } = data;
  return sendHtml(
    reply,
    h(ArticlePage, { site, data: pageData, discovery: { related, mostRead }, live }),
    200,
    {
      tags: [`article:${article.id}`, `section:${article.section.slug}`],
      freshness: view.live
        ? 'live'
        : storyFreshness(
            view.lastChange ?? article.publicUpdatedAt ?? article.publishedAt,
            request.ctx.now,
            false,
          ),
    },
  );
}

/** Entry permalinks and the blog's own feed. */
export function registerLiveBlogRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const liveBlog = async (request: FastifyRequest<{ Params: Params }>) => {
    const { section, slug } = request.params;
    const data = await deps.articles.articlePage(request.ctx, section, slug);
    if (!LiveBlogsService.isLiveBlog(data.article)) throw notFound('The live blog');
    return data;
  };

  // /<section>/<slug>/updates/<id>: the blog with one entry first and highlighted, described by that
  // entry (title, description, canonical URL), so a shared or indexed entry has a page of its own.
  app.get<{ Params: Params & { entry: string } }>(
    '/:section/:slug/updates/:entry',
    { config: { pageCache: true } },
    async (request, reply) => {
      const entryId = /^\d{1,9}$/.test(request.params.entry) ? Number(request.params.entry) : Number.NaN;
      if (!Number.isSafeInteger(entryId)) throw notFound('That update');
      const [site, data] = await Promise.all([siteInfo(deps, request), liveBlog(request)]);
      return sendLiveBlog(deps, request, reply, site, data, entryId);
    },
  );

  app.get<{ Params: Params }>('/:section/:slug/feed.xml', async (request, reply) => {
    const { article } = await liveBlog(request);
    return sendValidated(
      request,
      reply,
      await deps.feeds.liveBlogFeed(article),
      'public, max-age=60, stale-while-revalidate=60',
    );
  });
}
