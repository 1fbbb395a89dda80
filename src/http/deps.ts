import type { Config } from '../config/config.ts';
import type { ArticlesService, EditorialService } from '../modules/articles/index.ts';
import type { AuthorsService } from '../modules/authors/index.ts';
import type { MediaService } from '../modules/media/index.ts';
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
}
