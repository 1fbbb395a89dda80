/**
 * How long browsers and shared caches may keep a page, by how fast it changes (as the Guardian does):
 * live and fresh stories briefly, old ones for long. Purges keep shared caches right in between;
 * stale-while-revalidate hides re-renders from readers and stale-if-error keeps the site up if we are not.
 */
export type Freshness = 'live' | 'fresh' | 'recent' | 'archive' | 'front' | 'feed';

interface Lifetimes {
  browser: number;
  shared: number;
  revalidate: number;
  ifError: number;
}

const day = 86_400;

const lifetimes: Record<Freshness, Lifetimes> = {
  // A live blog or breaking story: readers who refresh see new entries at once.
  live: { browser: 10, shared: 10, revalidate: 10, ifError: day },
  // Home, latest and listings change with every publish.
  front: { browser: 30, shared: 60, revalidate: 30, ifError: day },
  // Stories of the last day are still being updated and corrected.
  fresh: { browser: 60, shared: 300, revalidate: 60, ifError: day },
  recent: { browser: 300, shared: 3600, revalidate: 300, ifError: 7 * day },
  archive: { browser: 3600, shared: day, revalidate: 3600, ifError: 7 * day },
  feed: { browser: 300, shared: 300, revalidate: 60, ifError: day },
};

export function cacheControl(freshness: Freshness): string {
  const t = lifetimes[freshness];
  return `public, max-age=${t.browser}, s-maxage=${t.shared}, stale-while-revalidate=${t.revalidate}, stale-if-error=${t.ifError}`;
}

/** A story's freshness from when it last changed publicly, and whether it is live. */
export function storyFreshness(lastChanged: Date, now: Date, live: boolean): Freshness {
  if (live) return 'live';
  const age = (now.getTime() - lastChanged.getTime()) / 1000;
  if (age < day) return 'fresh';
  if (age < 7 * day) return 'recent';
  return 'archive';
}
