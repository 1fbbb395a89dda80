/**
 * What happened to an article, told after the change is committed. Modules to the right of articles
 * (audio, search, feeds, caches) subscribe in app/wire.ts; articles never calls them directly.
 * Delivery is in-process and at most once, so subscribers that must not miss an event enqueue a durable
 * job and stay idempotent.
 */
export interface ArticleEvent {
  type: 'published' | 'updated' | 'unpublished';
  articleId: number;
  /** Section, authors and tags the article was in before and after the change, for precise invalidation. */
  sectionSlugs: string[];
  authorSlugs: string[];
  tagSlugs: string[];
  at: Date;
}

export type ArticleEventListener = (event: ArticleEvent) => void | Promise<void>;

export class ArticleEvents {
  private readonly listeners: ArticleEventListener[] = [];

  on(listener: ArticleEventListener): void {
    this.listeners.push(listener);
  }

  /** Calls every listener; one failing listener neither stops the others nor the caller. */
  async emit(event: ArticleEvent, onError: (error: unknown) => void = console.error): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        onError(error);
      }
    }
  }
}
