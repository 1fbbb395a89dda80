import type { ComponentChildren, JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { FeedLinks } from './components/feed-links.tsx';
import { JsonLd } from './components/json-ld.tsx';
import type { PageMeta, SiteInfo } from './site-info.ts';

/** The whole HTML document: head metadata for browsers, search engines and social cards, then the body. */
export function Document({
  site,
  meta,
  children,
}: {
  site: SiteInfo;
  meta: PageMeta;
  children: ComponentChildren;
}) {
  const canonical = `${site.url}${meta.path}`;
  const title = meta.path === '/' ? meta.title : `${meta.title} | ${site.name}`;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        {!meta.noindex && <link rel="canonical" href={canonical} />}
        <meta name="robots" content={meta.noindex ? 'noindex' : 'index, follow, max-image-preview:large'} />
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#121212" media="(prefers-color-scheme: dark)" />
        <link rel="stylesheet" href={site.stylesheet} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <FeedLinks site={site} meta={meta} />
        {meta.oembed && (
          <link rel="alternate" type="application/json+oembed" href={meta.oembed} title={meta.title} />
        )}
        <meta property="og:site_name" content={site.name} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:title" content={meta.socialTitle || meta.title} />
        <meta property="og:description" content={meta.socialDescription || meta.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={site.language.replace('-', '_')} />
        {meta.image && <meta property="og:image" content={meta.image.url} />}
        {meta.image && <meta property="og:image:type" content="image/jpeg" />}
        {meta.image && <meta property="og:image:width" content={String(meta.image.width)} />}
        {meta.image && <meta property="og:image:height" content={String(meta.image.height)} />}
        {meta.image && <meta property="og:image:alt" content={meta.image.alt} />}
        {meta.article && <meta property="article:published_time" content={meta.article.publishedTime} />}
        {meta.article && <meta property="article:modified_time" content={meta.article.modifiedTime} />}
        {meta.article && <meta property="article:section" content={meta.article.section} />}
        {meta.article?.tags.map((tag) => (
          <meta property="article:tag" content={tag} />
        ))}
        {meta.authorUrls?.map((url) => (
          <meta property="article:author" content={url} />
        ))}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        {meta.image && <meta name="twitter:image:alt" content={meta.image.alt} />}
        {meta.jsonLd?.map((data) => (
          <JsonLd data={data} />
        ))}
        {site.scripts?.search && <script type="module" src={site.scripts.search} />}
        {meta.scripts?.map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body>{children}</body>
    </html>
  );
}

export function renderDocument(page: JSX.Element): string {
  return `<!doctype html>${renderToString(page)}`;
}
