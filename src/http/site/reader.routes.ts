import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type {
  ArticleCard,
  ArticleListing,
  ListingRedirect,
  ListingSubject,
} from '../../modules/articles/index.ts';
import { AuthorIntro } from '../../render/components/author-intro.tsx';
import { pageHref } from '../../render/components/pagination.tsx';
import { ArticlePage } from '../../render/pages/site/article-page.tsx';
import { HomePage } from '../../render/pages/site/home-page.tsx';
import { ListingPage } from '../../render/pages/site/listing-page.tsx';
import { breadcrumbJsonLd } from '../../render/structured-data.ts';
import type { HttpDeps } from '../deps.ts';
import { storyFreshness } from '../page-cache/index.ts';
import { sendHtml } from '../plugins/html.ts';
import { articleAudio } from './audio.routes.ts';
import { sendLiveBlog } from './liveblog.routes.ts';
import { parseListPosition } from './params.ts';
import { siteInfo } from './site-info.ts';

type Params = Record<string, string>;

/** Reader pages may be kept in the page cache (src/http/page-cache). */
const cached = { config: { pageCache: true } };

/** Past the end, readers land on the last page with stories rather than an empty list. */
function redirectPastEnd(
  reply: FastifyReply,
  basePath: string,
  page: ArticleListing | ListingRedirect,
): page is ListingRedirect {
  if (!('redirect' in page)) return false;
  reply.redirect(pageHref(basePath, page.redirect), 302);
  return true;
}

export function registerReaderRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const { articles, authors } = deps;

  const listing = (subject: ListingSubject, query: unknown) =>
    articles.listing(subject, parseListPosition(query));

  app.get('/', cached, async (request, reply) => {
    const mostRead = mostReadFor(deps, request);
    const [site, data] = await Promise.all([siteInfo(deps, request), articles.home()]);
    const live = await deps.liveblogs.running().catch(() => []);
    return sendHtml(reply, h(HomePage, { site, data, mostRead: await mostRead, live }), 200, {
      tags: ['home'],
      freshness: 'front',
    });
  });

  app.get('/latest', cached, async (request, reply) => {
    const page = await listing({ kind: 'latest' }, request.query);
    if (redirectPastEnd(reply, '/latest', page)) return reply;
    const site = await siteInfo(deps, request);
    return sendHtml(
      reply,
      h(ListingPage, {
        site,
        title: 'Latest news',
        description: `Every story from ${site.name}, newest first.`,
        basePath: '/latest',
        page,
        current: 'latest',
        showSection: true,
      }),
      200,
      { tags: ['latest'], freshness: 'front' },
    );
  });

  app.get<{ Params: Params }>('/tag/:slug', cached, async (request, reply) => {
    const tag = await articles.tagBySlug(request.params.slug ?? '');
    const basePath = `/tag/${tag.slug}`;
    const page = await listing({ kind: 'tag', tag }, request.query);
    if (redirectPastEnd(reply, basePath, page)) return reply;
    const site = await siteInfo(deps, request);
    return sendHtml(
      reply,
      h(ListingPage, {
        site,
        kicker: 'Topic',
        title: tag.name,
        description: `News, analysis and comment about ${tag.name} from ${site.name}.`,
        basePath,
        page,
        showSection: true,
      }),
      200,
      { tags: [`tag:${tag.slug}`], freshness: 'front' },
    );
  });

  app.get<{ Params: Params }>('/author/:slug', cached, async (request, reply) => {
    const author = await authors.getBySlug(request.params.slug ?? '');
    const basePath = `/author/${author.slug}`;
    const page = await listing({ kind: 'author', authorId: author.id }, request.query);
    if (redirectPastEnd(reply, basePath, page)) return reply;
    const [site, portraits] = await Promise.all([
      siteInfo(deps, request),
      deps.media.imagesById(author.portraitMediaId ? [author.portraitMediaId] : []),
    ]);
    const portrait = author.portraitMediaId ? portraits.get(author.portraitMediaId) : undefined;
    return sendHtml(
      reply,
      h(ListingPage, {
        site,
        kicker: author.jobTitle || 'Author',
        title: author.name,
        description: author.bio || `Stories by ${author.name} for ${site.name}.`,
        basePath,
        page,
        showSection: true,
        intro: h(AuthorIntro, { bio: author.bio, portrait }),
        jsonLd: [
          {
            '@context': 'https://schema.org',
            '@type': 'ProfilePage',
            mainEntity: {
              '@type': 'Person',
              name: author.name,
              jobTitle: author.jobTitle || undefined,
              description: author.bio || undefined,
              url: `${site.url}${basePath}`,
            },
          },
        ],
      }),
      200,
      { tags: [`author:${author.slug}`], freshness: 'front' },
    );
  });

  app.get<{ Params: Params }>('/:section', cached, async (request, reply) => {
    const section = await articles.sectionBySlug(request.params.section ?? '');
    const basePath = `/${section.slug}`;
    const page = await listing({ kind: 'section', section }, request.query);
    if (redirectPastEnd(reply, basePath, page)) return reply;
    const site = await siteInfo(deps, request);
    return sendHtml(
      reply,
      h(ListingPage, {
        site,
        title: section.name,
        description: section.description || `${section.name} news from ${site.name}.`,
        basePath,
        page,
        current: section.slug,
        intro: section.description
          ? h('p', { class: 'listing-description' }, section.description)
          : undefined,
        jsonLd: [
          breadcrumbJsonLd(site, [
            { name: 'Home', path: '/' },
            { name: section.name, path: basePath },
          ]),
        ],
      }),
      200,
      { tags: [`section:${section.slug}`], freshness: 'front' },
    );
  });

  app.get<{ Params: Params }>('/:section/:slug', cached, async (request, reply) => {
    const { section = '', slug = '' } = request.params;
    try {
      const [site, data] = await Promise.all([
        siteInfo(deps, request),
        articles.articlePage(request.ctx, section, slug),
      ]);
      if (data.article.label === 'live') return await sendLiveBlog(deps, request, reply, site, data);
      // Side dishes, fetched together: the page never fails for want of related stories, counts or audio.
      const [related, mostRead, audio] = await Promise.all([
        deps.related.forArticle(data.article).catch((error: unknown) => {
          request.log.warn({ err: error }, 'related stories unavailable');
          return [];
        }),
        mostReadFor(deps, request),
        articleAudio(deps, data.article).catch((error: unknown) => {
          request.log.warn({ err: error }, 'article audio unavailable');
          return null;
        }),
      ]);
      const { article } = data;
      return sendHtml(reply, h(ArticlePage, { site, data, discovery: { related, mostRead }, audio }), 200, {
        tags: [`article:${article.id}`, `section:${article.section.slug}`],
        freshness: storyFreshness(
          article.publicUpdatedAt ?? article.publishedAt,
          request.ctx.now,
          article.label === 'live',
        ),
      });
    } catch (error) {
      const moved = await articles.movedArticlePath(section, slug);
      if (moved) return reply.redirect(moved, 301);
      throw error;
    }
  });
}

/** The "Most read" rail is a side dish: if it cannot be had, the page is served without it. */
function mostReadFor(deps: HttpDeps, request: FastifyRequest): Promise<ArticleCard[]> {
  return deps.views.mostRead(request.ctx.now).catch((error: unknown) => {
    request.log.warn({ err: error }, 'most read unavailable');
    return [];
  });
}
