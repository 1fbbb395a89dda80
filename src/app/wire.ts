import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import type { HttpDeps } from '../http/deps.ts';
import { PageCache } from '../http/page-cache/index.ts';
import { StaticAssets } from '../http/plugins/assets.ts';
import { ViewsRepository, ViewsService } from '../modules/analytics/index.ts';
import {
  ArticleEvents,
  ArticlesRepository,
  ArticlesService,
  EditorialRepository,
  EditorialService,
  publishJob,
  TaxonomyRepository,
} from '../modules/articles/index.ts';
import { AudioRepository, AudioService, backfillJob, synthesizeJob } from '../modules/audio/index.ts';
import { AuthorsRepository, AuthorsService } from '../modules/authors/index.ts';
import { BreakingRepository, BreakingService, expireJob } from '../modules/breaking/index.ts';
import {
  brandAssets,
  distributionSettings,
  FeedsRepository,
  FeedsService,
  WebSubPublisher,
} from '../modules/feeds/index.ts';
import { JobsRepository, JobsService } from '../modules/jobs/index.ts';
import { LiveBlogsRepository, LiveBlogsService } from '../modules/liveblogs/index.ts';
import { CropService, MediaRepository, MediaService, variantsJob } from '../modules/media/index.ts';
import { PushRepository, PushService, pushJob, webPushTransport } from '../modules/push/index.ts';
import { pruneJob, RealtimeRepository, RealtimeService } from '../modules/realtime/index.ts';
import {
  RelatedRepository,
  RelatedService,
  SearchRepository,
  SearchService,
} from '../modules/search/index.ts';
import { UsersRepository, UsersService } from '../modules/users/index.ts';
import { argon2Hasher } from '../platform/auth/argon2-hasher.ts';
import { type Bus, LocalBus, PgBus } from '../platform/bus/index.ts';
import { edgePurgeSettings } from '../platform/edge-purge/index.ts';
import { sharpImages } from '../platform/images/sharp-images.ts';
import { smtpMailer } from '../platform/mail/smtp-mailer.ts';
import { DiskStorage } from '../platform/storage/disk-storage.ts';
import { createSpeech, type TtsSettings, ttsSettings } from '../platform/tts/index.ts';
import { renderFeedContent } from '../render/components/feed-body.tsx';
import { type EdgePurge, setupEdgePurge } from './edge-purge.ts';
import { Invalidation, tagsForArticleEvent, tagsForScope } from './invalidation.ts';
import { connectLiveBlogBridge, tagsForLiveBlogEvent } from './liveblog-bridge.ts';

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
  /** The WebSub publisher when WEBSUB_HUB is set (tests flush it). */
  websub: WebSubPublisher | null;
  /** Text-to-speech settings (TTS_*); main.ts schedules the start-up backfill when they allow it. */
  tts: TtsSettings;
  /** Fan-out between instances: LISTEN/NOTIFY on PostgreSQL, in-process on PGlite. */
  bus: Bus;
  /** Purges Varnish/Fastly/Cloudflare by tag through retried jobs (EDGE_PURGE); a no-op when none. */
  edgePurge: EdgePurge;
  /** Purges pages by tag here, on the other instances and at the edge. */
  invalidation: Invalidation;
  close(): Promise<void>;
}

export interface WireOptions {
  /** Use this database instead of opening one from the config (tests pass a cloned template). */
  database?: DatabaseHandle;
  /** The time source for jobs and workflow (tests move it forward). */
  clock?: () => Date;
  /** Where one-time links are written when no SMTP server is configured (default: the console). */
  logLink?: (message: string) => void;
  /** Text-to-speech settings instead of the TTS_* environment variables. */
  tts?: TtsSettings;
}

/** The composition root: the only place that knows every concrete class. */
export async function wire(config: Readonly<Config>, options: WireOptions = {}): Promise<App> {
  // Checked before anything is opened, so a bad setting stops start-up without leaving a database open.
  const distribution = distributionSettings(process.env);
  const edgePurgeConfig = edgePurgeSettings(process.env);
  const database =
    options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  await migrateDatabase(database);
  // Pictures and recordings live here; the media routes serve from it even before the first upload.
  mkdirSync(config.mediaDir, { recursive: true });
  const { db } = database;
  const bus: Bus =
    database.pool && database.url
      ? new PgBus(database.url, database.pool, {
          onError: (error) => console.error('instance bus connection lost', error),
          // Announcements sent while the bus was down are lost: read what was missed from the database.
          onReconnect: () => void realtime.catchUp(),
        })
      : new LocalBus();
  const clock = options.clock ?? (() => new Date());
  const jobs = new JobsService(new JobsRepository(db), clock);
  // Live events for open pages: stored, announced on the bus, fanned out by each instance's SSE hub.
  const realtime = new RealtimeService(new RealtimeRepository(db), bus, jobs, { clock });
  jobs.register(pruneJob, () => realtime.pruneAndReschedule());
  await realtime.start();
  const edgePurge = setupEdgePurge(jobs, edgePurgeConfig, clock);
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
  const liveblogs = new LiveBlogsService(new LiveBlogsRepository(db), users, articles, clock);
  jobs.register(publishJob, async (payload) => {
    await editorial.publishScheduled(Number((payload as { articleId: unknown }).articleId));
  });
  jobs.register(variantsJob, async (payload) => {
    await media.makeAllVariants(Number((payload as { mediaId: unknown }).mediaId));
  });
  // The breaking-news banner: in memory on every instance, kept in step by realtime events.
  const breaking = new BreakingService(new BreakingRepository(db), users, articles, realtime, jobs, {
    siteUrl: config.siteUrl,
    clock,
  });
  jobs.register(expireJob, async (payload) => {
    await breaking.expire(Number((payload as { bannerId: unknown }).bannerId));
  });
  await breaking.start();
  // Discovery and distribution: search, related stories, most read, feeds and sitemaps.
  const cardSource = new ArticlesRepository(db);
  const crops = new CropService(new MediaRepository(db), new DiskStorage(config.mediaDir), sharpImages);
  const search = new SearchService(new SearchRepository(db), cardSource, config.timeZone);
  const related = new RelatedService(new RelatedRepository(db), cardSource);
  const views = new ViewsService(new ViewsRepository(db), cardSource);
  const websub = distribution.websubHub
    ? new WebSubPublisher(distribution.websubHub, {
        warn: (details, message) => console.warn(message, JSON.stringify(details)),
      })
    : null;
  const feeds = new FeedsService(
    new FeedsRepository(db),
    articles,
    authors,
    media,
    crops,
    cardSource,
    { url: config.siteUrl, name: config.siteName, language: config.language },
    distribution,
    renderFeedContent,
    websub,
    liveblogs,
  );
  articles.onChange(() => {
    related.invalidate();
    views.invalidate();
    feeds.invalidate();
  });
  articleEvents.on((event) => {
    related.invalidate(event.articleId);
    feeds.articleChanged(event);
  });
  // "Listen to this article": publishing schedules a recording; the speech runs in a worker thread.
  const tts = options.tts ?? ttsSettings(process.env);
  const speech = createSpeech(tts);
  const audio = new AudioService(
    new AudioRepository(db),
    articles,
    jobs,
    new DiskStorage(config.mediaDir),
    speech.engine,
    speech.encoder,
    users,
    { clock, log: { info: () => {}, error: (details, message) => console.error(message, details) } },
  );
  articleEvents.on((event) => audio.onArticleEvent(event));
  jobs.register(synthesizeJob, async (payload) => {
    const { articleId, force } = payload as { articleId: unknown; force?: unknown };
    await audio.synthesize(Number(articleId), { force: force === true });
  });
  jobs.register(backfillJob, async () => {
    await audio.backfill();
  });
  // Web Push: an editor's "Send push notification" becomes a durable, retried, idempotent job.
  const push = new PushService(
    new PushRepository(db),
    articles,
    users,
    jobs,
    webPushTransport({ ttlSeconds: 2 * 3600, timeoutMs: 10_000 }),
    {
      ...config.push,
      siteUrl: config.siteUrl,
      iconUrl: `${config.siteUrl}${brandAssets.smallIcon.path}`,
      clock,
      log: { warn: (details, message) => console.warn(message, JSON.stringify(details)) },
    },
  );
  jobs.register(pushJob, async (payload, job) => {
    await push.deliver(Number((payload as { notificationId: unknown }).notificationId), job);
  });
  // The page cache: rendered reader pages in memory, purged by tag the moment news moves.
  const pageCache =
    config.pageCacheBytes > 0
      ? new PageCache({ maxBytes: config.pageCacheBytes, refreshAfterMs: 60_000 })
      : null;
  const invalidation = new Invalidation(
    {
      purgePages: (tags) => pageCache?.purge(tags),
      // 'article' scope: forget the in-memory lists without purging again (the message carries the tags).
      contentChangedElsewhere: () => articles.contentChanged('article'),
    },
    bus,
    edgePurge,
    (error, message) => console.error(message, error),
  );
  await invalidation.start();
  articleEvents.on((event) => invalidation.purge(tagsForArticleEvent(event), true));
  articles.onChange((scope) => {
    const tags = tagsForScope(scope);
    if (tags) void invalidation.purge(tags, true);
  });
  media.metadataChanged.on((mediaId) => void invalidation.purge([`media:${mediaId}`]));
  // Live blogs: each change purges the blog's pages and feeds, and reaches open pages as rendered HTML.
  articles.onChange(() => liveblogs.invalidate());
  liveblogs.onChange((event) => {
    feeds.invalidate();
    return invalidation.purge(tagsForLiveBlogEvent(event), true);
  });
  connectLiveBlogBridge({ liveblogs, realtime, articles, media, timeZone: config.timeZone });
  related.overridesChanged.on((articleId) => void invalidation.purge([`article:${articleId}`]));
  // Every reader page shows the banner: purge them all. Where the change was made, everywhere (other
  // instances, the edge); elsewhere, this instance's pages again once its banner memory has the change, so
  // a page re-rendered between the purge message and the banner event cannot keep the old banner.
  breaking.onChange(({ local }) => {
    if (local) void invalidation.purge(['site']);
    else pageCache?.purge(['site']);
  });
  // "Listen to this article" shows only when a recording exists; the podcast feed lists them.
  audio.onRecordingChanged((articleId) => void invalidation.purge([`article:${articleId}`, 'feeds']));
  const assets = await StaticAssets.load(publicAssetsFolder);
  return {
    config,
    database,
    media,
    authors,
    articles,
    editorial,
    liveblogs,
    users,
    assets,
    jobs,
    articleEvents,
    search,
    related,
    views,
    feeds,
    crops,
    websub,
    audio,
    tts,
    bus,
    push,
    realtime,
    breaking,
    edgePurge,
    pageCache,
    invalidation,
    close: async () => {
      await views.close().catch((error: unknown) => console.error('could not write view counts', error));
      await websub?.flush();
      await jobs.stop();
      await speech.close();
      breaking.stop();
      await realtime.stop();
      await bus.close();
      await database.close();
    },
  };
}
