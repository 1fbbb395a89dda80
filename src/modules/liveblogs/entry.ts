import type { Block } from '../articles/index.ts';

/** Newest entries shown on the first page of a live blog; older ones are paged ("Older updates"). */
export const entriesPerPage = 30;

export interface EntryCorrection {
  text: string;
  at: Date;
}

export interface EntryAuthor {
  id: number;
  slug: string;
  name: string;
}

/** One update of a live blog, as readers and the live console see it. */
export interface LiveEntry {
  id: number;
  articleId: number;
  postedAt: Date;
  title: string | null;
  body: Block[];
  author: EntryAuthor | null;
  postedBy: number | null;
  keyEvent: boolean;
  pinned: boolean;
  corrections: EntryCorrection[];
  editedAt: Date | null;
  deletedAt: Date | null;
  version: number;
  updatedAt: Date;
}

/** The article behind a live blog, with what permissions and links need. */
export interface BlogArticle {
  id: number;
  slug: string;
  sectionSlug: string;
  headline: string;
  label: string;
  status: string;
  createdBy: number | null;
  publishedAt: Date | null;
  /** Authors of the article's byline, in order: the default byline of entries. */
  authorIds: number[];
}

export interface LiveBlogState {
  articleId: number;
  startedAt: Date;
  endedAt: Date | null;
}

/** An entry in the "Key events" list: a link to the entry and a short label. */
/** A row of the newsroom's list of live blogs. */
export interface LiveBlogListRow {
  id: number;
  headline: string;
  status: string;
  sectionSlug: string;
  slug: string;
  endedAt: Date | null;
  entries: number;
  lastPost: Date | null;
}

export interface KeyEvent {
  id: number;
  postedAt: Date;
  label: string;
}

/** Everything a reader page of a live blog shows besides the article itself. */
export interface LiveBlogView {
  articleId: number;
  /** True while the blog is running: short cache lifetimes, pulsing "Live" label, live updates. */
  live: boolean;
  startedAt: Date;
  endedAt: Date | null;
  pinned: LiveEntry | null;
  /** The entries of this page, newest first (the pinned one left out). */
  entries: LiveEntry[];
  keyEvents: KeyEvent[];
  page: number;
  pageCount: number;
  /** Entries readers can see, the pinned one included. */
  total: number;
  /** The newest change readers can see (post, edit, deletion), for Last-Modified, lastmod and feeds. */
  lastChange: Date | null;
  /** An entry shown first and highlighted (the entry permalink), absent from `entries`. */
  highlighted: LiveEntry | null;
}

/** What a change to a blog was, told after commit (the bridge renders and pushes it; caches purge). */
export type LiveBlogEvent =
  | { type: 'entry-posted' | 'entry-updated' | 'entry-deleted'; articleId: number; entryId: number; at: Date }
  | { type: 'ended' | 'reopened'; articleId: number; at: Date };

/** Short text for lists and cards: the title, else the start of the entry's first paragraph. */
export function entryLabel(entry: Pick<LiveEntry, 'title' | 'body'>, max = 90): string {
  if (entry.title) return entry.title;
  const text = entryPlainText(entry.body).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

/** The entry's words without markup: summaries, feed descriptions, structured data. */
export function entryPlainText(body: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of body) {
    switch (block.type) {
      case 'paragraph':
      case 'quote':
        parts.push(block.content.map((run) => run.text).join(''));
        break;
      case 'heading':
      case 'pullquote':
        parts.push(block.text);
        break;
      case 'list':
      case 'factbox':
        for (const item of block.items) parts.push(item.map((run) => run.text).join(''));
        break;
      default:
        break;
    }
  }
  return parts.join('\n\n');
}
