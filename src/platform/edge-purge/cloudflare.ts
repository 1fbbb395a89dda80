import { EdgePurgeError, type EdgePurger, tagBatches } from './edge-purger.ts';
import { purgeRequest } from './http.ts';

interface CloudflareAnswer {
  success?: boolean;
  errors?: { code?: number; message?: string }[];
}

/**
 * Cloudflare's purge by cache tag: `POST /zones/{zone}/purge_cache` with `{ "tags": [...] }` and a bearer
 * API token (Zone › Cache Purge › Purge). The tags come from the `Cache-Tag` response header. Cloudflare
 * answers `success: false` with a list of errors when it refuses; that is a failure too.
 */
export class CloudflarePurger implements EdgePurger {
  readonly name = 'cloudflare';

  constructor(
    private readonly options: {
      zoneId: string;
      apiToken: string;
      apiUrl: string;
      batchSize: number;
      timeoutMs: number;
    },
  ) {}

  get batchSize(): number {
    return this.options.batchSize;
  }

  async purge(tags: readonly string[]): Promise<void> {
    const { zoneId, apiToken, apiUrl, timeoutMs } = this.options;
    const url = `${apiUrl}/zones/${encodeURIComponent(zoneId)}/purge_cache`;
    for (const batch of tagBatches(tags, { maxCount: this.batchSize })) {
      const response = await purgeRequest(
        'Cloudflare',
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${apiToken}`,
            accept: 'application/json',
            'content-type': 'application/json',
          },
          body: JSON.stringify({ tags: batch }),
        },
        timeoutMs,
      );
      const answer = (await response.json().catch(() => ({}))) as CloudflareAnswer;
      if (answer.success !== true) {
        const reasons = (answer.errors ?? []).map((e) => `${e.code ?? '?'} ${e.message ?? ''}`.trim());
        throw new EdgePurgeError(
          `Cloudflare refused the purge${reasons.length ? `: ${reasons.join('; ')}` : ''}`,
          response.status,
        );
      }
    }
  }
}
