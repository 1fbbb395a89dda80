import { type FeedSubject, feedPath } from '../../modules/feeds/index.ts';
import type { PageMeta, SiteInfo } from '../site-info.ts';

const types = {
  rss: { type: 'application/rss+xml', label: 'RSS' },
  atom: { type: 'application/atom+xml', label: 'Atom' },
  json: { type: 'application/feed+json', label: 'JSON Feed' },
} as const;

/**
 * The feeds a page offers, for `<link rel="alternate">` autodiscovery: the site's on every page, and the
 * section's, topic's or author's on their pages and on articles (their section). Derived from the page's
 * path so every page type gets them without each page wiring them.
 */
export function pageFeeds(site: SiteInfo, meta: PageMeta): { subject: FeedSubject; title: string }[] {
  const feeds: { subject: FeedSubject; title: string }[] = [{ subject: { kind: 'site' }, title: site.name }];
  if (meta.noindex) return feeds;
  const path = meta.path.split('?')[0] ?? '/';
  const parts = path.split('/').filter(Boolean);
  const listingName = meta.title.replace(/ \(page \d+\)$/, '');
  const [first, second] = parts;
  if (parts.length === 2 && (first === 'tag' || first === 'author') && second) {
    feeds.push({ subject: { kind: first, slug: second }, title: `${site.name}: ${listingName}` });
  } else if (first && parts.length <= 2) {
    const section = site.sections.find((s) => s.slug === first);
    if (section) {
      feeds.push({
        subject: { kind: 'section', slug: section.slug },
        title: `${site.name}: ${section.name}`,
      });
    }
  }
  return feeds;
}

export function FeedLinks({ site, meta }: { site: SiteInfo; meta: PageMeta }) {
  return (
    <>
      {pageFeeds(site, meta).flatMap(({ subject, title }) =>
        (['rss', 'atom', 'json'] as const).map((format) => (
          <link
            rel="alternate"
            type={types[format].type}
            title={`${title} (${types[format].label})`}
            href={`${site.url}${feedPath(subject, format)}`}
          />
        )),
      )}
    </>
  );
}
