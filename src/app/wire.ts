import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import type { HttpDeps } from '../http/deps.ts';
import { StaticAssets } from '../http/plugins/assets.ts';
import {
  ArticleEvents,
  ArticlesRepository,
  ArticlesService,
  TaxonomyRepository,
} from '../modules/articles/index.ts';
import { AuthorsRepository, AuthorsService } from '../modules/authors/index.ts';
import { JobsRepository, JobsService } from '../modules/jobs/index.ts';
import { MediaRepository, MediaService } from '../modules/media/index.ts';
import { sharpImages } from '../platform/images/sharp-images.ts';
import { DiskStorage } from '../platform/storage/disk-storage.ts';

export const publicAssetsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../public/assets',
);

export interface App extends HttpDeps {
  database: DatabaseHandle;
  /** The durable queue; main.ts starts its worker, tests call runDue(). */
  jobs: JobsService;
  /** Published/updated/unpublished, after commit: subscribe here, never call right-hand modules. */
  articleEvents: ArticleEvents;
  close(): Promise<void>;
}

export interface WireOptions {
  /** Use this database instead of opening one from the config (tests pass a cloned template). */
  database?: DatabaseHandle;
  /** The time source for jobs and workflow (tests move it forward). */
  clock?: () => Date;
}

/** The composition root: the only place that knows every concrete class. */
export async function wire(config: Readonly<Config>, options: WireOptions = {}): Promise<App> {
  const database =
    options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  await migrateDatabase(database);
  const { db } = database;
  const clock = options.clock ?? (() => new Date());
  const jobs = new JobsService(new JobsRepository(db), clock);
  const articleEvents = new ArticleEvents();
  const media = new MediaService(new MediaRepository(db), new DiskStorage(config.mediaDir), sharpImages);
  const authors = new AuthorsService(new AuthorsRepository(db));
  const articles = new ArticlesService(new ArticlesRepository(db), new TaxonomyRepository(db), media);
  const assets = await StaticAssets.load(publicAssetsFolder);
  return {
    config,
    database,
    media,
    authors,
    articles,
    assets,
    jobs,
    articleEvents,
    close: async () => {
      await jobs.stop();
      await database.close();
    },
  };
}
