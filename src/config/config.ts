import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Process configuration from the environment, validated once at start and frozen. Editorial settings
 * (site name, navigation) belong in the database, not here; these are the operator's knobs.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  SITE_URL: z.url().optional(),
  SITE_NAME: z.string().min(1).default('Broadsheet'),
  SITE_TIME_ZONE: z
    .string()
    .default('Europe/London')
    .refine(isTimeZone, 'SITE_TIME_ZONE must be an IANA time zone such as Europe/London'),
  SITE_LANGUAGE: z.string().default('en-GB'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Broadsheet <newsroom@localhost>'),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(200).default(20),
  // Web Push for breaking news (docs/push.md).
  PUSH_NOTIFICATIONS: z.enum(['on', 'off']).default('on'),
  PUSH_SUBJECT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'PUSH_SUBJECT must be a mailto: address or https: URL')
    .optional(),
  PUSH_SERVICE_HOSTS: z.string().optional(),
  PUSH_ALLOW_LOOPBACK: z.enum(['true', 'false']).default('false'),
  NODE_ENV: z.string().optional(),
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  PODCAST_OWNER_EMAIL: z.email('PODCAST_OWNER_EMAIL must be an email address').optional(),
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(16_384).default(64),
  WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
});

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A PostgreSQL server, or undefined for the embedded PGlite database under dataDir. */
  databaseUrl: string | undefined;
  mediaDir: string;
  siteUrl: string;
  siteName: string;
  timeZone: string;
  language: string;
  logLevel: string;
  seedDemo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The podcast feed's itunes:owner address (else the MAIL_FROM address). */
  podcastOwnerEmail: string | undefined;
  maxUploadBytes: number;
  /** Bytes of rendered pages kept in memory (raw and compressed), or 0 when the page cache is off. */
  pageCacheBytes: number;
  /** Cookies get the Secure flag when the site is served over TLS. */
  secureCookies: boolean;
  /** Serving processes (src/app/cluster.ts); above 1 only on a PostgreSQL server. */
  workers: number;
  push: PushConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const siteUrl = (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  // `auto`: one per core on a PostgreSQL server, one with the embedded database.
  const workers = e.WORKERS !== 'auto' ? e.WORKERS : e.DATABASE_URL ? availableParallelism() : 1;
  if (workers > 1 && !e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration: WORKERS above 1 needs DATABASE_URL. The embedded PGlite database lives inside one process; several processes share a PostgreSQL server.',
    );
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    mediaDir: path.join(dataDir, 'media'),
    siteUrl,
    siteName: e.SITE_NAME,
    timeZone: e.SITE_TIME_ZONE,
    language: e.SITE_LANGUAGE,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'auto',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    podcastOwnerEmail: e.PODCAST_OWNER_EMAIL,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    pageCacheBytes: e.PAGE_CACHE === 'on' ? e.PAGE_CACHE_MB * 1024 * 1024 : 0,
    secureCookies: siteUrl.startsWith('https://'),
    workers,
    push: pushConfig(e, siteUrl),
  });
}

export interface PushConfig {
  /** PUSH_NOTIFICATIONS=off hides the opt-in and refuses subscriptions and sending. */
  enabled: boolean;
  /** The VAPID contact push services may use: a mailto: or https: URL. */
  subject: string;
  /** Push service hosts (and their subdomains) a subscription may point at, or '*' for any https host. */
  serviceHosts: readonly string[] | '*';
  /** Accept http://127.0.0.1 endpoints: tests and local fakes only, refused in production. */
  allowLoopback: boolean;
}

/** The push services browsers use today: FCM (Chrome and most others), Firefox, Edge, Safari. */
const defaultPushServiceHosts = [
  'fcm.googleapis.com',
  'push.services.mozilla.com',
  'notify.windows.com',
  'push.apple.com',
];

function pushConfig(e: z.infer<typeof envSchema>, siteUrl: string): PushConfig {
  if (e.PUSH_ALLOW_LOOPBACK === 'true' && e.NODE_ENV === 'production') {
    throw new Error(
      'Invalid configuration: PUSH_ALLOW_LOOPBACK is for tests and development, never production',
    );
  }
  const hosts = e.PUSH_SERVICE_HOSTS?.trim();
  return Object.freeze({
    enabled: e.PUSH_NOTIFICATIONS === 'on',
    subject: e.PUSH_SUBJECT ?? mailtoSubject(e.MAIL_FROM) ?? siteUrl,
    serviceHosts:
      hosts === '*'
        ? '*'
        : hosts
          ? hosts
              .split(',')
              .map((host) => host.trim().toLowerCase())
              .filter(Boolean)
          : defaultPushServiceHosts,
    allowLoopback: e.PUSH_ALLOW_LOOPBACK === 'true',
  });
}

/** The address in MAIL_FROM ("Name <a@b>" or "a@b") as a mailto: URL. */
function mailtoSubject(mailFrom: string): string | undefined {
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? `mailto:${address}` : undefined;
}
