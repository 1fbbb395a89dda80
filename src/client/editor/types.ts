import type { Block } from '../../modules/articles/blocks.ts';

/** The shapes of docs/admin-api.md, as the browser sees them. Type-only: nothing here reaches the bundle. */

export type { Block, Inline } from '../../modules/articles/blocks.ts';

export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';
export type EmbedProvider = 'youtube' | 'x' | 'video' | 'audio';

export interface MediaItem {
  id: number;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  focalX: number;
  focalY: number;
  /** 480 px JPEG. */
  thumbUrl: string;
  /** 960 px JPEG. */
  previewUrl: string;
}

export interface Byline {
  id: number;
  name: string;
}

export interface Permissions {
  canEdit: boolean;
  canSubmit: boolean;
  canPublish: boolean;
  canUnpublish: boolean;
}

export interface Correction {
  text: string;
  correctedAt: string;
}

export interface EditorArticle {
  id: number;
  version: number;
  status: ArticleStatus;
  slug: string;
  url: string | null;
  headline: string;
  standfirst: string;
  label: string;
  sectionId: number;
  tags: string[];
  authors: Byline[];
  leadMedia: MediaItem | null;
  body: Block[];
  seoTitle: string;
  seoDescription: string;
  socialTitle: string;
  socialDescription: string;
  embargoUntil: string | null;
  scheduledFor: string | null;
  publishedAt: string | null;
  publicUpdatedAt: string | null;
  updateNote: string | null;
  corrections: Correction[];
  permissions: Permissions;
}

export interface Section {
  id: number;
  name: string;
}

export interface Me {
  id: number;
  name: string;
  role: string;
}

/** What the server puts in <script type="application/json" id="editor-data">. */
export interface EditorData {
  article: EditorArticle;
  sections: Section[];
  labels: string[];
  me: Me | null;
  /** The site's IANA time zone (e.g. Europe/London); times are shown and entered in it. */
  timeZone?: string;
}

/** Body of PUT /admin/api/articles/:id. */
export interface SavePayload {
  version: number;
  headline: string;
  standfirst: string;
  label: string;
  sectionId: number;
  tags: string[];
  authorIds: number[];
  leadMediaId: number | null;
  slug: string;
  seoTitle: string;
  seoDescription: string;
  socialTitle: string;
  socialDescription: string;
  body: Block[];
  embargoUntil: string | null;
}

export interface SaveAnswer {
  version: number;
  savedAt: string;
}

export interface Revision {
  version: number;
  event: string;
  createdAt: string;
  userName: string;
}

export interface RevisionDiff {
  fields: { field: string; before: string; after: string }[];
  body: { kind: 'added' | 'removed' | 'same'; text: string }[];
}

export interface ArticleHit {
  id: number;
  headline: string;
  url: string | null;
  status: ArticleStatus;
  section: string;
}

export interface MediaPage {
  items: MediaItem[];
  page: number;
  pageCount: number;
}

export interface AuthorOption {
  id: number;
  name: string;
  jobTitle: string;
}

export interface TagOption {
  slug: string;
  name: string;
}

export interface Presence {
  others: { name: string; since: string }[];
}
