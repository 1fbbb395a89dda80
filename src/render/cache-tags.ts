/**
 * What a rendered page shows, noted by the components that show it, so the page cache can purge the page
 * exactly when one of those things changes. A card notes `article:<id>`, the latest rail notes `latest`,
 * and so on: a new list or rail tags its pages by itself, without the route having to remember.
 * Rendering is synchronous, so one collector at a time is enough.
 */
let collector: Set<string> | null = null;

/** Notes tags for the page being rendered (a no-op outside `collectCacheTags`, e.g. in feeds). */
export function noteCacheTags(...tags: string[]): void {
  if (!collector) return;
  for (const tag of tags) collector.add(tag);
}

export function noteCards(cards: Iterable<{ id: number }>): void {
  if (!collector) return;
  for (const card of cards) collector.add(`article:${card.id}`);
}

export function collectCacheTags<T>(render: () => T): { result: T; tags: Set<string> } {
  const outer = collector;
  const tags = new Set<string>();
  collector = tags;
  try {
    return { result: render(), tags };
  } finally {
    collector = outer;
  }
}
