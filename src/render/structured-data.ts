import type { ArticleView } from '../modules/articles/index.ts';
import { type ImageRef, variantUrl, widthsFor } from '../modules/media/index.ts';
import type { SiteInfo } from './site-info.ts';

export function absolute(site: SiteInfo, path: string): string {
  return `${site.url}${path}`;
}

/** The largest JPEG variant: search engines and social cards want big, widely supported pictures. */
export function shareImage(site: SiteInfo, image: ImageRef) {
  const width = widthsFor(image.width).at(-1) ?? image.width;
  return {
    url: absolute(site, variantUrl(image.id, width, 'jpeg')),
    width,
    height: Math.round((image.height * width) / image.width),
    alt: image.alt,
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
    image: article.image ? [shareImage(site, article.image).url] : undefined,
    author: article.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      url: absolute(site, `/author/${a.slug}`),
      jobTitle: a.jobTitle || undefined,
    })),
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
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
