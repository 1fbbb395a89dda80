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
  EditorialRepository,
  EditorialService,
  publishJob,
  TaxonomyRepository,
} from '../modules/articles/index.ts';
import { AuthorsRepository, AuthorsService } from '../modules/authors/index.ts';
import { JobsRepository, JobsService } from '../modules/jobs/index.ts';
import { MediaRepository, MediaService, variantsJob } from '../modules/media/index.ts';
import { UsersRepository, UsersService } from '../modules/users/index.ts';
import { argon2Hasher } from '../platform/auth/argon2-hasher.ts';
import { sharpImages } from '../platform/images/sharp-images.ts';
import { smtpMailer } from '../platform/mail/smtp-mailer.ts';
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
  /** Where one-time links are written when no SMTP server is configured (default: the console). */
  logLink?: (message: string) => void;
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
  const users = new UsersService(
    new UsersRepository(db),
    argon2Hasher,
    config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null,
    { siteUrl: config.siteUrl, clock, logLink: options.logLink ?? ((message) => console.log(message)) },
  );
  const media = new MediaService(new MediaRepository(db), new DiskStorage(config.mediaDir), sharpImages, {
    users,
    jobs,
  });
  const authors = new AuthorsService(new AuthorsRepository(db));
  const articles = new ArticlesService(new ArticlesRepository(db), new TaxonomyRepository(db), media);
  const editorial = new EditorialService(
    new EditorialRepository(db),
    articles,
    media,
    users,
    jobs,
    articleEvents,
    clock,
  );
  jobs.register(publishJob, async (payload) => {
    await editorial.publishScheduled(Number((payload as { articleId: unknown }).articleId));
  });
  jobs.register(variantsJob, async (payload) => {
    await media.makeAllVariants(Number((payload as { mediaId: unknown }).mediaId));
  });
  const assets = await StaticAssets.load(publicAssetsFolder);
  return {
    config,
    database,
    media,
    authors,
    articles,
    editorial,
    users,
    assets,
    jobs,
    articleEvents,
    close: async () => {
      await jobs.stop();
      await database.close();
    },
  };
}
