import { EdgePurgeError, type EdgePurger, tagBatches } from './edge-purger.ts';
import { purgeRequest } from './http.ts';

/**
 * Purges through the PURGE handler of deploy/varnish/default.vcl: `PURGE /` with the tags in an
 * `xkey-purge` header (or `xkey-softpurge`, which keeps the pages as stale copies). Every listed Varnish
 * is told; the batch fails, and is retried, unless all of them confirm.
 */
export class VarnishPurger implements EdgePurger {
  readonly name = 'varnish';
  readonly batchSize = 200;

  constructor(private readonly options: { urls: readonly string[]; soft: boolean; timeoutMs: number }) {}

  async purge(tags: readonly string[]): Promise<void> {
    const header = this.options.soft ? 'xkey-softpurge' : 'xkey-purge';
    // Varnish refuses request headers over 8 KB by default (http_req_hdr_len); stay well under it.
    for (const batch of tagBatches(tags, { maxCount: this.batchSize, maxHeaderBytes: 6000 })) {
      const results = await Promise.allSettled(
        this.options.urls.map((url) =>
          purgeRequest(
            `Varnish ${url}`,
            url,
            { method: 'PURGE', headers: { [header]: batch.join(' ') } },
            this.options.timeoutMs,
          ),
        ),
      );
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [describe(r.reason)] : []));
      if (failures.length) throw new EdgePurgeError(failures.join('; '));
    }
  }
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
