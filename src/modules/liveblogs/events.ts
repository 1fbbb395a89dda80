import type { LiveBlogEvent } from './entry.ts';

export type LiveBlogListener = (event: LiveBlogEvent) => void | Promise<void>;

/**
 * Changes to live blogs, told after commit. The app layer subscribes (render and push the entry to open
 * pages, purge cached pages and feeds); delivery is in-process and at most once.
 */
export class LiveBlogEvents {
  private readonly listeners: LiveBlogListener[] = [];

  on(listener: LiveBlogListener): void {
    this.listeners.push(listener);
  }

  /** Calls every listener; one failing listener neither stops the others nor the caller. */
  async emit(event: LiveBlogEvent, onError: (error: unknown) => void = console.error): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        onError(error);
      }
    }
  }
}
