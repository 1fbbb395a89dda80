import { z } from 'zod';
import type { JobsService } from '../modules/jobs/index.ts';
import {
  createEdgePurger,
  type EdgePurgeSettings,
  type EdgePurgeTarget,
  isPurgeTag,
  tagBatches,
} from '../platform/edge-purge/index.ts';

export const edgePurgeJob = 'edge.purge';

/** What the page-cache invalidation calls after news moves. */
export interface EdgePurge {
  /** Which cache in front of the site is purged (EDGE_PURGE). */
  readonly target: EdgePurgeTarget['kind'];
  /**
   * Queues durable, retried jobs that purge `tags` from the cache in front of the site, one job per
   * request-sized batch. Resolves once the jobs are stored; the worker runs them at once. Does nothing
   * when EDGE_PURGE=none. Rejects, after queueing the others, if a tag has spaces, commas or non-ASCII.
   * Call it after this instance's own page cache has dropped the tags, or the edge may fetch the old page
   * again from it.
   */
  enqueue(tags: readonly string[]): Promise<void>;
}

const payloadSchema = z.object({ tags: z.array(z.string().refine(isPurgeTag)).min(1) });

/** Registers the purge job and returns the enqueue function; wired in app/wire.ts. */
export function setupEdgePurge(
  jobs: JobsService,
  settings: EdgePurgeSettings,
  clock: () => Date = () => new Date(),
): EdgePurge {
  const purger = createEdgePurger(settings);
  // Registered even with EDGE_PURGE=none, so jobs queued before the setting changed finish quietly.
  jobs.register(edgePurgeJob, async (payload) => {
    const { tags } = payloadSchema.parse(payload);
    await purger?.purge(tags);
  });
  return {
    target: settings.target.kind,
    async enqueue(tags) {
      if (!purger) return;
      const later = settings.repeatAfterMs ? new Date(clock().getTime() + settings.repeatAfterMs) : undefined;
      for (const batch of tagBatches(tags.filter(isPurgeTag), { maxCount: purger.batchSize })) {
        await jobs.enqueue(edgePurgeJob, { tags: batch });
        if (later) await jobs.enqueue(edgePurgeJob, { tags: batch }, { runAt: later });
      }
      // The good tags are queued; a bad one is a bug in whoever made it, reported rather than dropped.
      const bad = tags.filter((tag) => !isPurgeTag(tag));
      if (bad.length) {
        throw new Error(`Cannot purge tags with spaces, commas or non-ASCII: ${JSON.stringify(bad)}`);
      }
    },
  };
}
