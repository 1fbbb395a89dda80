/**
 * The cache in front of the site (Varnish, Fastly, Cloudflare) as the app sees it: pages it holds carry
 * tags (`Surrogate-Key` / `Cache-Tag` response headers), and it can be told to drop every page with a tag.
 */
export interface EdgePurger {
  /** For logs: varnish, fastly or cloudflare. */
  readonly name: string;
  /** The most tags one request carries; a job purges at most this many, so a retry repeats one request. */
  readonly batchSize: number;
  /** Drops (or marks stale) every cached page tagged with any of `tags`; throws when any request failed. */
  purge(tags: readonly string[]): Promise<void>;
}

/** A purge the cache did not confirm; the job that asked for it is retried with backoff. */
export class EdgePurgeError extends Error {
  constructor(
    message: string,
    /** The HTTP status the cache answered, if it answered at all. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'EdgePurgeError';
  }
}

/**
 * A tag is printable ASCII without spaces or commas: both header formats separate tags with them
 * (`Surrogate-Key: a b`, `Cache-Tag: a,b`), so such a tag could never be purged on its own.
 */
const tagPattern = /^[\x21-\x2b\x2d-\x7e]{1,256}$/;

export function isPurgeTag(tag: string): boolean {
  return tagPattern.test(tag);
}

/**
 * Distinct tags in order, cut into groups of at most `maxCount` tags and, when they travel in one header,
 * at most `maxHeaderBytes` once joined with spaces.
 */
export function tagBatches(
  tags: readonly string[],
  limits: { maxCount: number; maxHeaderBytes?: number },
): string[][] {
  const maxBytes = limits.maxHeaderBytes ?? Number.POSITIVE_INFINITY;
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const tag of new Set(tags)) {
    const added = (current.length ? 1 : 0) + tag.length;
    if (current.length && (current.length >= limits.maxCount || bytes + added > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    bytes += (current.length ? 1 : 0) + tag.length;
    current.push(tag);
  }
  if (current.length) batches.push(current);
  return batches;
}
