import type { CachedPage } from './cached-page.ts';

export interface PageCacheOptions {
  /** Upper bound on the bytes held (raw + compressed bodies); least recently used pages go first. */
  maxBytes: number;
  /** After this long a page is re-rendered by the next request (others are served the old copy meanwhile). */
  refreshAfterMs: number;
  now?: () => number;
}

export interface PageCacheStats {
  pages: number;
  bytes: number;
  hits: number;
  misses: number;
  purged: number;
}

interface Render {
  /** Resolves with the stored page, or null when the response could not be cached. */
  done: Promise<CachedPage | null>;
  finish(page: CachedPage | null): void;
}

/** One claimed render: which URL, and the purge generation it started under. */
export interface RenderTicket {
  readonly key: string;
  readonly generation: number;
  readonly render: Render;
}

/**
 * Rendered reader pages in memory, keyed by URL and tagged with what they show. Purging a tag drops every
 * page carrying it at once, before the publish call that caused it returns, and a render that was already
 * running when the purge came is served to its own reader but never stored (it may hold the old story).
 * Concurrent misses for one URL wait for a single render; other URLs never wait for it.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly renders = new Map<string, Render>();
  private bytes = 0;
  /** Bumped by every purge: a render that started under an older generation is not stored. */
  private generation = 0;
  private readonly counters = { hits: 0, misses: 0, purged: 0 };
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A page fresh enough to serve as it is, counting the hit. */
  fresh(key: string): CachedPage | undefined {
    const page = this.touch(key);
    if (!page || this.now() - page.storedAt > this.options.refreshAfterMs) return undefined;
    this.counters.hits++;
    return page;
  }

  /** A page past its refresh time: served while one request renders its successor. */
  stale(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  /** The render already running for this URL, to wait for instead of starting another. */
  running(key: string): Promise<CachedPage | null> | undefined {
    return this.renders.get(key)?.done;
  }

  /** Claims the render of a missing or stale page; the caller must `store` or `abandon` the ticket. */
  beginRender(key: string): RenderTicket {
    this.counters.misses++;
    let finish: (page: CachedPage | null) => void = () => {};
    const done = new Promise<CachedPage | null>((resolve) => {
      finish = resolve;
    });
    const render = { done, finish };
    this.renders.set(key, render);
    return { key, generation: this.generation, render };
  }

  /** Stores a finished render (unless a purge came while it ran) and releases those waiting for it. */
  store(ticket: RenderTicket, page: CachedPage): void {
    if (ticket.generation === this.generation) this.put(ticket.key, page);
    this.release(ticket, page);
  }

  /** The render produced nothing cacheable (an error, a redirect, a 404): waiters render for themselves. */
  abandon(ticket: RenderTicket): void {
    this.release(ticket, null);
  }

  /** Drops every page carrying any of these tags. Returns how many pages went. */
  purge(tags: Iterable<string>): number {
    this.generation++;
    // Requests arriving from now on must not join a render that may have read the old story.
    for (const render of this.renders.values()) render.finish(null);
    this.renders.clear();
    let dropped = 0;
    for (const tag of tags) {
      for (const key of this.keysByTag.get(tag) ?? []) {
        if (this.remove(key)) dropped++;
      }
    }
    this.counters.purged += dropped;
    return dropped;
  }

  clear(): void {
    this.generation++;
    for (const key of [...this.pages.keys()]) this.remove(key);
  }

  stats(): PageCacheStats {
    return { pages: this.pages.size, bytes: this.bytes, ...this.counters };
  }

  private release(ticket: RenderTicket, page: CachedPage | null): void {
    // A purge may have released this render already, and a newer one may hold the URL now.
    if (this.renders.get(ticket.key) === ticket.render) this.renders.delete(ticket.key);
    ticket.render.finish(page);
  }

  /** Map order is insertion order: re-inserting on use keeps the least recently used first. */
  private touch(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  private put(key: string, page: CachedPage): void {
    this.remove(key);
    this.pages.set(key, page);
    this.bytes += page.size;
    for (const tag of page.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.keysByTag.set(tag, keys);
      }
      keys.add(key);
    }
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.options.maxBytes || oldest === key) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): boolean {
    const page = this.pages.get(key);
    if (!page) return false;
    this.pages.delete(key);
    this.bytes -= page.size;
    for (const tag of page.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
    return true;
  }
}
