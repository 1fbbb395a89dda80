import { CloudflarePurger } from './cloudflare.ts';
import type { EdgePurger } from './edge-purger.ts';
import { FastlyPurger } from './fastly.ts';
import type { EdgePurgeSettings } from './settings.ts';
import { VarnishPurger } from './varnish.ts';

export { CloudflarePurger } from './cloudflare.ts';
export { EdgePurgeError, type EdgePurger, isPurgeTag, tagBatches } from './edge-purger.ts';
export { FastlyPurger } from './fastly.ts';
export { type EdgePurgeSettings, type EdgePurgeTarget, edgePurgeSettings } from './settings.ts';
export { VarnishPurger } from './varnish.ts';

/** The adapter the settings name, or null when nothing sits in front of the site (EDGE_PURGE=none). */
export function createEdgePurger(settings: EdgePurgeSettings): EdgePurger | null {
  const { target, timeoutMs } = settings;
  switch (target.kind) {
    case 'none':
      return null;
    case 'varnish':
      return new VarnishPurger({ ...target, timeoutMs });
    case 'fastly':
      return new FastlyPurger({ ...target, timeoutMs });
    case 'cloudflare':
      return new CloudflarePurger({ ...target, timeoutMs });
  }
}
