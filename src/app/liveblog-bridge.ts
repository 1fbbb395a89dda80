import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type ArticlesService, referencedArticleIds, referencedMediaIds } from '../modules/articles/index.ts';
import type { LiveBlogEvent, LiveBlogsService } from '../modules/liveblogs/index.ts';
import type { MediaService } from '../modules/media/index.ts';
import type { RealtimeService } from '../modules/realtime/index.ts';
import { KeyEventItem, LiveStatus } from '../render/components/liveblog/live-blog.tsx';
import { entryAnchor, entryPath, LiveEntryView } from '../render/components/liveblog/live-entry.tsx';

export interface LiveBlogBridgeDeps {
  liveblogs: LiveBlogsService;
  realtime: Pick<RealtimeService, 'publish'>;
  articles: Pick<ArticlesService, 'publishedById' | 'cardsByIds'>;
  media: Pick<MediaService, 'imagesById'>;
  timeZone: string;
}

/** The topic open pages of one blog follow (see docs: realtime contract). */
export function liveBlogTopic(articleId: number): string {
  return `liveblog:${articleId}`;
}

/** Pages a change to a blog shows up on: the blog's pages, feeds, and the home page's "Live" strip. */
export function tagsForLiveBlogEvent(event: LiveBlogEvent): string[] {
  return [`article:${event.articleId}`, 'feeds', 'home'];
}

/**
 * Turns live-blog changes into events for open pages: the entry rendered by the same components as the
 * page (escaped by construction), and the key-events list as it now stands, so the island only swaps
 * server-made HTML in. Unpublished blogs have no readers: nothing is sent.
 */
export function connectLiveBlogBridge(deps: LiveBlogBridgeDeps): void {
  const { liveblogs, realtime, timeZone } = deps;

  const keyEventsHtml = async (articleId: number, now: Date) =>
    (await liveblogs.keyEvents(articleId))
      .map((event) =>
        renderToString(h(KeyEventItem, { event, href: `#${entryAnchor(event.id)}`, timeZone, now })),
      )
      .join('');

  liveblogs.onChange(async (event) => {
    const article = await deps.articles.publishedById(event.articleId);
    if (!article) return;
    const topic = liveBlogTopic(event.articleId);
    const now = event.at;
    if (!('entryId' in event)) {
      const state = await liveblogs.state(article);
      await realtime.publish(topic, event.type, {
        statusHtml: renderToString(
          h(LiveStatus, { live: state.endedAt === null, endedAt: state.endedAt, timeZone }),
        ),
      });
      return;
    }
    const keyEvents = await keyEventsHtml(event.articleId, now);
    if (event.type === 'entry-deleted') {
      await realtime.publish(topic, 'entry-deleted', { id: event.entryId, keyEventsHtml: keyEvents });
      return;
    }
    const entry = await liveblogs.entry(event.entryId);
    if (!entry || entry.deletedAt) return;
    const [linked, images] = await Promise.all([
      deps.articles.cardsByIds(referencedArticleIds(entry.body)),
      deps.media.imagesById(referencedMediaIds(entry.body)),
    ]);
    const html = renderToString(
      h(LiveEntryView, {
        entry,
        ctx: { linked: new Map(linked.map((card) => [card.id, card])), images },
        articleUrl: article.url,
        timeZone,
        now,
      }),
    );
    await realtime.publish(topic, event.type === 'entry-posted' ? 'entry' : 'entry-updated', {
      id: entry.id,
      version: entry.version,
      postedAt: entry.postedAt.toISOString(),
      pinned: entry.pinned,
      keyEvent: entry.keyEvent,
      permalink: entryPath(article.url, entry.id),
      html,
      keyEventsHtml: keyEvents,
    });
  });
}
