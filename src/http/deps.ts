import type { Config } from '../config/config.ts';
import type { ViewsService } from '../modules/analytics/index.ts';
import type { ArticlesService, EditorialService } from '../modules/articles/index.ts';
import type { AudioService } from '../modules/audio/index.ts';
import type { AuthorsService } from '../modules/authors/index.ts';
import type { FeedsService } from '../modules/feeds/index.ts';
import type { CropService, MediaService } from '../modules/media/index.ts';
import type { RelatedService, SearchService } from '../modules/search/index.ts';
import type { UsersService } from '../modules/users/index.ts';
import type { StaticAssets } from './plugins/assets.ts';

/** Everything the HTTP layer may call. Built by app/wire.ts; tests build it the same way. */
export interface HttpDeps {
  config: Readonly<Config>;
  articles: ArticlesService;
  authors: AuthorsService;
  media: MediaService;
  editorial: EditorialService;
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
}
