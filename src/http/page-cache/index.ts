export type { CachedPage } from './cached-page.ts';
export { type Listener, type ListenOptions, listen } from './fast-lane.ts';
export { type Freshness, storyFreshness } from './freshness.ts';
export { cacheKey, pageCacheParams } from './key.ts';
export { markForCache } from './mark.ts';
export { PageCache, type PageCacheStats } from './page-cache.ts';
export { registerPageCache, serveFromCache } from './plugin.ts';
