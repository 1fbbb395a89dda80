export { type BrandAsset, brandAssetByFile, brandAssets } from './brand.ts';
export {
  type FeedDocument,
  type FeedFormat,
  type FeedItem,
  type FeedSubject,
  feedContentTypes,
  feedFormats,
  feedPath,
} from './feed.ts';
export { FeedsRepository } from './feeds.repository.ts';
export {
  articleSitemapPath,
  type CardSource,
  type FeedContentContext,
  type FeedContentRenderer,
  FeedsService,
  type ImageSource,
  type LiveBlogEntrySource,
  newsLimit,
  newsWindowMs,
  type Rendered,
  type SiteIdentity,
  sitemapLimit,
} from './feeds.service.ts';
export { jsonFeed } from './json-feed.ts';
export { type DistributionSettings, distributionSettings } from './settings.ts';
export { type Fetch, type WebSubLogger, WebSubPublisher } from './websub.ts';
export {
  atomXml,
  isoSeconds,
  newsLanguage,
  newsSitemapXml,
  rfc822,
  rssXml,
  sitemapIndexXml,
  sitemapXml,
} from './xml.ts';
