import { type EdgePurger, tagBatches } from './edge-purger.ts';
import { purgeRequest } from './http.ts';

/**
 * Fastly's batch purge by surrogate key: `POST /service/{id}/purge` with up to 256 keys in a JSON body,
 * authenticated by a `Fastly-Key` token with the purge_select scope. A soft purge
 * (`Fastly-Soft-Purge: 1`) marks the pages stale instead of removing them, so stale-while-revalidate
 * and stale-if-error keep protecting the origin.
 */
export class FastlyPurger implements EdgePurger {
  readonly name = 'fastly';
  readonly batchSize = 256;

  constructor(
    private readonly options: {
      serviceId: string;
      apiToken: string;
      apiUrl: string;
      soft: boolean;
      timeoutMs: number;
    },
  ) {}

  async purge(tags: readonly string[]): Promise<void> {
    const { serviceId, apiToken, apiUrl, soft, timeoutMs } = this.options;
    const url = `${apiUrl}/service/${encodeURIComponent(serviceId)}/purge`;
    for (const batch of tagBatches(tags, { maxCount: this.batchSize })) {
      await purgeRequest(
        'Fastly',
        url,
        {
          method: 'POST',
          headers: {
            'fastly-key': apiToken,
            accept: 'application/json',
            'content-type': 'application/json',
            ...(soft ? { 'fastly-soft-purge': '1' } : {}),
          },
          body: JSON.stringify({ surrogate_keys: batch }),
        },
        timeoutMs,
      );
    }
  }
}
