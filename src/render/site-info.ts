import type { SectionRef } from '../modules/articles/index.ts';
import type { BannerView } from '../modules/breaking/index.ts';

/** What every reader page knows about the publication. Built once per request by the HTTP layer. */
export interface SiteInfo {
  name: string;
  /** Absolute origin, no trailing slash: canonical URLs and structured data need absolute links. */
  url: string;
  language: string;
  timeZone: string;
  sections: SectionRef[];
  now: Date;
  /** Path of the stylesheet, content-hashed so it can be cached for a year. */
  stylesheet: string;
  /** Content-hashed paths of the reader islands, when they are built (a page works without them). */
  scripts?: { search?: string; views?: string; live?: string; breaking?: string; pushOptIn?: string };
  /** The breaking-news banner every reader page shows at the top, when one is up. */
  breaking?: BannerView | null;
  /** The newest live event id when the request arrived: the page's live stream replays from here. */
  liveSince?: number;
}

export interface PageMeta {
  title: string;
  description: string;
  /** Path of the canonical URL (made absolute with SiteInfo.url). */
  path: string;
  /** Open Graph type; articles say "article". */
  ogType?: 'website' | 'article' | 'profile';
  /** Absolute image URL for sharing cards. */
  image?: { url: string; width: number; height: number; alt: string };
  /** Extra Open Graph article properties. */
  article?: { publishedTime: string; modifiedTime: string; section: string; tags: string[] };
  /** Structured data, serialised safely into the page. */
  jsonLd?: object[];
  /** Pages that should not be indexed (404, errors, empty pages). */
  noindex?: boolean;
  /** Overrides of title and description for social cards (Open Graph, X), when editors set them. */
  socialTitle?: string;
  socialDescription?: string;
  /** Absolute URLs of the authors' pages (Open Graph `article:author`). */
  authorUrls?: string[];
  /** The oEmbed endpoint for this page (articles), for `<link rel="alternate" type="application/json+oembed">`. */
  oembed?: string;
  /** Page-specific island scripts (content-hashed paths), e.g. the view-counting beacon on articles. */
  scripts?: string[];
}
