import type { Config } from '../config/config.ts';
import type { ViewsService } from '../modules/analytics/index.ts';
import type { ArticlesService, EditorialService } from '../modules/articles/index.ts';
import type { AudioService } from '../modules/audio/index.ts';
import type { AuthorsService } from '../modules/authors/index.ts';
import type { BreakingService } from '../modules/breaking/index.ts';
import type { FeedsService } from '../modules/feeds/index.ts';
import type { LiveBlogsService } from '../modules/liveblogs/index.ts';
import type { CropService, MediaService } from '../modules/media/index.ts';
import type { PushService } from '../modules/push/index.ts';
import type { RealtimeService } from '../modules/realtime/index.ts';
import type { RelatedService, SearchService } from '../modules/search/index.ts';
import type { UsersService } from '../modules/users/index.ts';
import type { PageCache } from './page-cache/index.ts';
import type { StaticAssets } from './plugins/assets.ts';

/** Everything the HTTP layer may call. Built by app/wire.ts; tests build it the same way. */
export interface HttpDeps {
  config: Readonly<Config>;
  articles: ArticlesService;
  authors: AuthorsService;
  media: MediaService;
  editorial: EditorialService;
  /** Live blogs: entries, the live console, reader pages of running and ended blogs. */
  liveblogs: LiveBlogsService;
  users: UsersService;
  assets: StaticAssets;
  /** Discovery and distribution (search, related stories, most read, feeds, sitemaps, crops). */
  search: SearchService;
  related: RelatedService;
  views: ViewsService;
  feeds: FeedsService;
  crops: CropService;
  /** "Listen to this article": recordings, their status and the podcast feed. */
  audio: AudioService;
  /** Live events for open pages (the SSE hub follows it) and the breaking-news banner. */
  realtime: RealtimeService;
  breaking: BreakingService;
  /** Web Push: readers' opt-in and the newsroom's "Send push notification". */
  push: PushService;
  /** Rendered reader pages in memory; null when PAGE_CACHE=off. */
  pageCache: PageCache | null;
}
