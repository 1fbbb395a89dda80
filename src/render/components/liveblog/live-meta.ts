import type { ArticlePageData } from '../../../modules/articles/index.ts';
import { entryLabel, entryPlainText, type LiveBlogView } from '../../../modules/liveblogs/index.ts';
import type { PageMeta, SiteInfo } from '../../site-info.ts';
import { liveBlogPostingJsonLd } from '../../structured-data.ts';
import { entryPath } from './live-entry.tsx';

/** What the page of a live blog tells browsers, search engines and social cards. */
export interface LivePage {
  view: LiveBlogView;
  /** The liveblog island's hashed URL, when built (the page is complete without it). */
  script?: string;
}

/** Updates described in the page's structured data. */
const structuredUpdates = 10;

function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The article's metadata made right for a live blog: LiveBlogPosting instead of NewsArticle, the newest
 * change as modified time, the page number in the canonical URL of older pages, and, on an entry's
 * permalink, a title, description and canonical URL that describe that entry.
 */
export function liveBlogMeta(
  site: SiteInfo,
  data: ArticlePageData,
  base: PageMeta,
  live: LivePage,
): PageMeta {
  const { article } = data;
  const { view } = live;
  // The newest updates (and the one a permalink shows): enough for search engines, light enough for
  // the page budget, since each carries its whole text again.
  const updates = [view.highlighted, view.pinned, ...view.entries]
    .flatMap((e) => (e ? [e] : []))
    .slice(0, structuredUpdates);
  const [posting, ...rest] = base.jsonLd ?? [];
  const jsonLd = [
    liveBlogPostingJsonLd(site, article, {
      startedAt: view.startedAt,
      endedAt: view.endedAt,
      lastChange: view.lastChange,
      updates,
    }),
    ...(posting ? rest : []),
  ];
  const scripts = [...(base.scripts ?? []), ...(live.script ? [live.script] : [])];
  const modifiedTime =
    view.lastChange && base.article && view.lastChange.toISOString() > base.article.modifiedTime
      ? view.lastChange.toISOString()
      : base.article?.modifiedTime;
  const meta: PageMeta = {
    ...base,
    jsonLd,
    scripts,
    article: base.article && modifiedTime ? { ...base.article, modifiedTime } : base.article,
  };
  const entry = view.highlighted;
  if (entry) {
    const label = entryLabel(entry, 100);
    const text = excerpt(entryPlainText(entry.body)) || article.standfirst;
    return {
      ...meta,
      title: `${label} | ${article.headline}`,
      description: text,
      path: entryPath(article.url, entry.id),
      socialTitle: label,
      socialDescription: text,
      article: meta.article ? { ...meta.article, publishedTime: entry.postedAt.toISOString() } : undefined,
    };
  }
  if (view.page > 1) {
    return {
      ...meta,
      title: `${base.title} (updates page ${view.page})`,
      path: `${article.url}?page=${view.page}`,
    };
  }
  return meta;
}
