import type { FeedDocument } from './feed.ts';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), served as application/feed+json. */
export function jsonFeed(feed: FeedDocument): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    icon: feed.icon,
    favicon: feed.smallLogo.url,
    language: feed.language,
    authors: feed.owners.length > 0 ? feed.owners : [{ name: feed.publisher, url: feed.siteUrl }],
    hubs: feed.hub ? [{ type: 'WebSub', url: feed.hub }] : undefined,
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      ...(item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.summary }),
      summary: item.summary,
      image: item.image?.url,
      date_published: item.published.toISOString(),
      date_modified: item.updated.toISOString(),
      authors: item.authors,
      tags: [item.section.name, ...item.tags.map((t) => t.name)],
      language: feed.language,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
