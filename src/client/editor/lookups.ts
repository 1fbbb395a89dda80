import { api } from './api.ts';
import type { MediaItem } from './types.ts';

/**
 * Caches for what cards show but blocks do not store: the headline behind a "Read more" id and the
 * library details of a picture. Cards subscribe and redraw when an answer arrives.
 */

type Listener = () => void;

class Subscribable {
  private listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected changed(): void {
    for (const listener of this.listeners) listener();
  }
}

export interface ArticleSummary {
  headline: string;
  status: string;
  missing?: boolean;
}

export class ArticleLookup extends Subscribable {
  private known = new Map<number, ArticleSummary>();
  private pending = new Set<number>();

  get(id: number): ArticleSummary | undefined {
    const summary = this.known.get(id);
    if (!summary) void this.load(id);
    return summary;
  }

  remember(id: number, summary: ArticleSummary): void {
    this.known.set(id, summary);
    this.changed();
  }

  private async load(id: number): Promise<void> {
    if (this.pending.has(id)) return;
    this.pending.add(id);
    try {
      const article = await api.article(id);
      this.remember(id, { headline: article.headline, status: article.status });
    } catch {
      this.remember(id, { headline: `Article ${id}`, status: 'unknown', missing: true });
    }
  }
}

export class MediaLookup extends Subscribable {
  private known = new Map<number, MediaItem>();

  get(id: number): MediaItem | undefined {
    return this.known.get(id);
  }

  remember(item: MediaItem): void {
    this.known.set(item.id, item);
    this.changed();
  }
}

/**
 * A thumbnail for a picture the library has not told us about yet (an older body): the public 480 px
 * variant. The API has no "get one picture" call, so this is the best guess until the library is opened.
 */
export function fallbackThumb(mediaId: number): string {
  return `/media/${mediaId}/480.jpg`;
}
