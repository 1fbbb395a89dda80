import type { ArticleLookup, MediaLookup } from './lookups.ts';
import type { ArticleHit, MediaItem } from './types.ts';

/**
 * What the cards inside the body need from the page around them: lookups, and the dialogs they open.
 * Dialogs answer with a promise (null when closed without a choice), so a card just awaits the choice.
 */
export interface EditorServices {
  articles: ArticleLookup;
  media: MediaLookup;
  pickMedia(purpose: 'body' | 'lead'): Promise<MediaItem | null>;
  pickArticle(purpose: 'readMore' | 'teaser'): Promise<ArticleHit | null>;
  openLinkDialog(): void;
}
