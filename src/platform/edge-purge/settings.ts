import { z } from 'zod';

/**
 * Which cache in front of the site is told when pages change, from the environment:
 * - EDGE_PURGE=none (default) | varnish | fastly | cloudflare;
 * - varnish: VARNISH_PURGE_URL, one or more (comma-separated) Varnish addresses that accept the PURGE
 *   request of deploy/varnish/default.vcl; VARNISH_SOFT_PURGE=true marks pages stale instead of removing
 *   them (the next reader gets the old copy once while the new one is fetched);
 * - fastly: FASTLY_SERVICE_ID, FASTLY_API_TOKEN (a token with the purge_select scope), FASTLY_SOFT_PURGE,
 *   FASTLY_API_URL (default https://api.fastly.com; tests point it at a fake);
 * - cloudflare: CLOUDFLARE_ZONE_ID, CLOUDFLARE_API_TOKEN (Zone › Cache Purge › Purge), CLOUDFLARE_API_URL
 *   (default https://api.cloudflare.com/client/v4), CLOUDFLARE_PURGE_BATCH (tags per call, 1–100,
 *   default 30: older plans refuse more than 30 tags in one call, current ones take 100);
 * - EDGE_PURGE_TIMEOUT_MS (default 10000): one purge request's time limit before it counts as failed;
 * - EDGE_PURGE_REPEAT_AFTER_MS (default 0, off): purge the same tags once more this long afterwards. With
 *   several instances, the edge may refetch a page from an instance that has not yet heard (by
 *   LISTEN/NOTIFY) that its own copy is stale; a second purge a couple of seconds later closes that gap.
 * A setting the chosen adapter needs but lacks stops start-up with a message naming it.
 */
export interface EdgePurgeSettings {
  target: EdgePurgeTarget;
  timeoutMs: number;
  repeatAfterMs: number;
}

export type EdgePurgeTarget =
  | { kind: 'none' }
  | { kind: 'varnish'; urls: string[]; soft: boolean }
  | { kind: 'fastly'; serviceId: string; apiToken: string; apiUrl: string; soft: boolean }
  | { kind: 'cloudflare'; zoneId: string; apiToken: string; apiUrl: string; batchSize: number };

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false')
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const required = (what: string) => z.string(`is required (${what})`).trim().min(1, `is required (${what})`);

// The schema's message covers its checks too, so every way of getting a number wrong reads the same.
const wholeNumber = (min: number, max: number) =>
  z.coerce.number(`must be a whole number from ${min} to ${max}`).int().min(min).max(max);

const commonSchema = z.object({
  EDGE_PURGE_TIMEOUT_MS: wholeNumber(100, 120_000).default(10_000),
  EDGE_PURGE_REPEAT_AFTER_MS: wholeNumber(0, 600_000).default(0),
});

const targetSchema = z.discriminatedUnion('EDGE_PURGE', [
  z.object({ EDGE_PURGE: z.literal('none') }),
  z.object({
    EDGE_PURGE: z.literal('varnish'),
    VARNISH_PURGE_URL: required('where Varnish listens, e.g. http://127.0.0.1:6081/')
      .transform((list) => list.split(',').map((url) => url.trim()))
      .pipe(z.array(httpUrl)),
    VARNISH_SOFT_PURGE: flag,
  }),
  z.object({
    EDGE_PURGE: z.literal('fastly'),
    FASTLY_SERVICE_ID: required('the service that fronts the site').regex(
      /^[A-Za-z0-9]+$/,
      'must be the alphanumeric service id',
    ),
    FASTLY_API_TOKEN: required('an API token with the purge_select scope'),
    FASTLY_API_URL: httpUrl.default('https://api.fastly.com'),
    FASTLY_SOFT_PURGE: flag,
  }),
  z.object({
    EDGE_PURGE: z.literal('cloudflare'),
    CLOUDFLARE_ZONE_ID: required("the zone's id from its overview page").regex(
      /^[a-f0-9]{32}$/i,
      'must be the 32-character hexadecimal zone id',
    ),
    CLOUDFLARE_API_TOKEN: required('a token with Zone › Cache Purge › Purge'),
    CLOUDFLARE_API_URL: httpUrl.default('https://api.cloudflare.com/client/v4'),
    CLOUDFLARE_PURGE_BATCH: wholeNumber(1, 100).default(30),
  }),
]);

export function edgePurgeSettings(env: Record<string, string | undefined>): EdgePurgeSettings {
  const input = { ...env, EDGE_PURGE: env.EDGE_PURGE?.trim() || 'none' };
  const common = commonSchema.safeParse(input);
  const target = targetSchema.safeParse(input);
  const issues = [...(target.error?.issues ?? []), ...(common.error?.issues ?? [])];
  if (!common.success || !target.success) {
    const problems = issues.map((issue) => {
      const name = String(issue.path[0] ?? 'EDGE_PURGE');
      return issue.code === 'invalid_union' && name === 'EDGE_PURGE'
        ? 'EDGE_PURGE: must be none, varnish, fastly or cloudflare'
        : `${name}: ${issue.message}`;
    });
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return {
    target: targetFrom(target.data),
    timeoutMs: common.data.EDGE_PURGE_TIMEOUT_MS,
    repeatAfterMs: common.data.EDGE_PURGE_REPEAT_AFTER_MS,
  };
}

function targetFrom(e: z.infer<typeof targetSchema>): EdgePurgeTarget {
  switch (e.EDGE_PURGE) {
    case 'none':
      return { kind: 'none' };
    case 'varnish':
      return { kind: 'varnish', urls: e.VARNISH_PURGE_URL, soft: e.VARNISH_SOFT_PURGE };
    case 'fastly':
      return {
        kind: 'fastly',
        serviceId: e.FASTLY_SERVICE_ID,
        apiToken: e.FASTLY_API_TOKEN,
        apiUrl: e.FASTLY_API_URL,
        soft: e.FASTLY_SOFT_PURGE,
      };
    case 'cloudflare':
      return {
        kind: 'cloudflare',
        zoneId: e.CLOUDFLARE_ZONE_ID,
        apiToken: e.CLOUDFLARE_API_TOKEN,
        apiUrl: e.CLOUDFLARE_API_URL,
        batchSize: e.CLOUDFLARE_PURGE_BATCH,
      };
  }
}
