import type { ArticleHit, MediaItem } from '../types.ts';

/**
 * Which dialog is open. Cards inside the body (outside the Preact tree) open dialogs through this too,
 * and wait on the promise for the journalist's choice.
 */

export type WorkflowAction = 'publish' | 'update' | 'schedule' | 'unpublish' | 'correction';

export type DialogRequest =
  | { kind: 'media'; purpose: 'body' | 'lead'; resolve(item: MediaItem | null): void }
  | { kind: 'article'; purpose: 'readMore' | 'teaser'; resolve(hit: ArticleHit | null): void }
  | { kind: 'embed' }
  | { kind: 'link' }
  | { kind: 'revisions' }
  | { kind: 'workflow'; action: WorkflowAction };

export class Dialogs {
  current: DialogRequest | null = null;
  /** Changes with every dialog opened, so each gets fresh state even when two of a kind follow. */
  serial = 0;
  private listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  open(request: DialogRequest): void {
    this.close();
    this.serial += 1;
    this.current = request;
    this.emit();
  }

  /** Closing without a choice answers a waiting card with null. */
  close(): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    if (current.kind === 'media' || current.kind === 'article') current.resolve(null);
    this.emit();
  }

  /**
   * Closes `request` if it is still the open one. A dialog's close event arrives after the next one may
   * have opened, so it must name itself rather than close whatever is current.
   */
  dismiss(request: DialogRequest): void {
    if (this.current === request) this.close();
  }

  /** The journalist chose something: the waiting card gets it, and the dialog goes away. */
  choose<T extends MediaItem | ArticleHit>(request: DialogRequest, value: T): void {
    if (this.current !== request) return;
    this.current = null;
    if (request.kind === 'media') request.resolve(value as MediaItem);
    if (request.kind === 'article') request.resolve(value as ArticleHit);
    this.emit();
  }

  pickMedia(purpose: 'body' | 'lead'): Promise<MediaItem | null> {
    return new Promise((resolve) => this.open({ kind: 'media', purpose, resolve }));
  }

  pickArticle(purpose: 'readMore' | 'teaser'): Promise<ArticleHit | null> {
    return new Promise((resolve) => this.open({ kind: 'article', purpose, resolve }));
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
