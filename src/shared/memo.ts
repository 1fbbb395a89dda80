/**
 * A value kept in memory until it is invalidated or grows older than `ttlMs`. Used for site-wide
 * pieces (navigation, rails) that every page shows, so a page needs one or two queries, not ten.
 * Concurrent loads share one promise.
 */
export class Memo<T> {
  private value: Promise<T> | undefined;
  private loadedAt = 0;
  private generation = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
  ) {}

  get(now = Date.now()): Promise<T> {
    if (!this.value || now - this.loadedAt > this.ttlMs) {
      const generation = ++this.generation;
      this.loadedAt = now;
      this.value = this.load().catch((error: unknown) => {
        // A failed load must not be remembered; the next caller tries again.
        if (generation === this.generation) this.value = undefined;
        throw error;
      });
    }
    return this.value;
  }

  invalidate(): void {
    this.value = undefined;
    this.generation++;
  }
}
