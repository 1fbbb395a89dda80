import type { ArticleView } from '../modules/articles/index.ts';
import { brandAssets } from '../modules/feeds/index.ts';
import { entryLabel, entryPlainText, type LiveEntry } from '../modules/liveblogs/index.ts';
import { crop, type ImageRef } from '../modules/media/index.ts';
import type { SiteInfo } from './site-info.ts';

export function absolute(site: SiteInfo, path: string): string {
  return `${site.url}${path}`;
}

/**
 * The social card picture: a 1200×630 JPEG cropped around the focal point (smaller only when the original
 * is), the size Open Graph and X cards display without cropping again.
 */
export function shareImage(site: SiteInfo, image: ImageRef) {
  const card = crop(image, 'share');
  return { url: absolute(site, card.url), width: card.width, height: card.height, alt: image.alt };
}

/** Google's Article images: 16:9, 4:3 and 1:1 crops from the focal point, 1200 px wide where possible. */
export function articleImages(site: SiteInfo, image: ImageRef): string[] {
  return (['16x9', '4x3', '1x1'] as const).map((kind) => absolute(site, crop(image, kind).url));
}

/** The publisher, with its logo, as NewsArticle and the home page describe it. */
export function publisherJsonLd(site: SiteInfo): object {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absolute(site, '/'),
    logo: {
      '@type': 'ImageObject',
      url: absolute(site, brandAssets.logo.path),
      width: brandAssets.logo.width,
      height: brandAssets.logo.height,
    },
  };
}

/** Home page: the Organization (with a square logo) and the WebSite with its search box. */
export function organizationJsonLd(site: SiteInfo): object {
  return {
    '@context': 'https://schema.org',
    ...publisherJsonLd(site),
    '@id': absolute(site, '/#organization'),
    logo: {
      '@type': 'ImageObject',
      url: absolute(site, brandAssets.icon.path),
      width: brandAssets.icon.width,
      height: brandAssets.icon.height,
    },
  };
}

export function websiteJsonLd(site: SiteInfo): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': absolute(site, '/#website'),
    name: site.name,
    url: absolute(site, '/'),
    inLanguage: site.language,
    publisher: { '@id': absolute(site, '/#organization') },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: absolute(site, '/search?q={search_term_string}') },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function newsArticleJsonLd(site: SiteInfo, article: ArticleView): object {
  const url = absolute(site, article.url);
  const modified = article.publicUpdatedAt ?? article.publishedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    description: article.standfirst,
    datePublished: article.publishedAt.toISOString(),
    dateModified: modified.toISOString(),
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name),
    inLanguage: site.language,
    image: article.image ? articleImages(site, article.image) : undefined,
    thumbnailUrl: article.image ? absolute(site, crop(article.image, '16x9').url) : undefined,
    author: article.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      url: absolute(site, `/author/${a.slug}`),
      jobTitle: a.jobTitle || undefined,
    })),
    publisher: publisherJsonLd(site),
    correction: article.corrections.map((c) => ({
      '@type': 'CorrectionComment',
      text: c.text,
      datePublished: c.correctedAt.toISOString(),
    })),
  };
}

export function breadcrumbJsonLd(site: SiteInfo, trail: { name: string; path: string }[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absolute(site, item.path),
    })),
  };
}

/**
 * A live blog: NewsArticle's fields as LiveBlogPosting, with its coverage times and the entries on the
 * page as BlogPosting updates (each with its own permalink).
 */
export function liveBlogPostingJsonLd(
  site: SiteInfo,
  article: ArticleView,
  blog: { startedAt: Date; endedAt: Date | null; lastChange: Date | null; updates: LiveEntry[] },
): object {
  const base = newsArticleJsonLd(site, article) as { dateModified: string };
  const modified = blog.lastChange && blog.lastChange.toISOString() > base.dateModified;
  return {
    ...base,
    '@type': 'LiveBlogPosting',
    dateModified: modified && blog.lastChange ? blog.lastChange.toISOString() : base.dateModified,
    coverageStartTime: blog.startedAt.toISOString(),
    coverageEndTime: blog.endedAt?.toISOString(),
    liveBlogUpdate: blog.updates.map((entry) => ({
      '@type': 'BlogPosting',
      headline: entryLabel(entry, 110),
      datePublished: entry.postedAt.toISOString(),
      dateModified: (entry.editedAt ?? entry.postedAt).toISOString(),
      url: absolute(site, `${article.url}/updates/${entry.id}`),
      articleBody: entryPlainText(entry.body),
      author: entry.author
        ? { '@type': 'Person', name: entry.author.name, url: absolute(site, `/author/${entry.author.slug}`) }
        : undefined,
    })),
  };
}
