import type { ImageRef } from '../media/index.ts';
import type { Block } from './blocks.ts';
import type { Label } from './labels.ts';

export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';

export interface SectionRef {
  slug: string;
  name: string;
}

export interface Section extends SectionRef {
  id: number;
  description: string;
  position: number;
}

export interface TagRef {
  slug: string;
  name: string;
}

export interface AuthorRef {
  slug: string;
  name: string;
}

export interface Byline extends AuthorRef {
  jobTitle: string;
  portrait: ImageRef | null;
}

/** What lists, rails and links need to show an article. */
export interface ArticleCard {
  id: number;
  slug: string;
  url: string;
  headline: string;
  standfirst: string;
  label: Label;
  section: SectionRef;
  publishedAt: Date;
  publicUpdatedAt: Date | null;
  image: ImageRef | null;
  authors: AuthorRef[];
}

export interface Correction {
  text: string;
  correctedAt: Date;
}

/** Everything the article page shows. */
export interface ArticleView extends Omit<ArticleCard, 'authors'> {
  authors: Byline[];
  body: Block[];
  updateNote: string | null;
  tags: TagRef[];
  corrections: Correction[];
  modifiedAt: Date;
  seoTitle: string | null;
  seoDescription: string | null;
  socialTitle: string | null;
  socialDescription: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export function articlePath(sectionSlug: string, slug: string): string {
  return `/${sectionSlug}/${slug}`;
}
