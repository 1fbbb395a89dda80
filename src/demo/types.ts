import type { Block, Inline, Label } from '../modules/articles/index.ts';

/**
 * Demo content is written as plain data in these shapes; the seeder resolves slugs to ids and renders
 * the pictures. Keeping it as data (not SQL) means the same validation as real articles applies.
 */

/** Generated illustration styles, drawn by src/demo/images (no downloads, no text in the picture). */
export const sceneNames = [
  'parliament',
  'summit',
  'cityscape',
  'harbour',
  'mountains',
  'stadium',
  'laboratory',
  'circuits',
  'stage',
  'fields',
  'hospital',
  'markets',
  'ocean',
  'railway',
  'forest',
  'crowd',
  'night-sky',
  'wind-farm',
  'bridge',
  'gallery',
] as const;
export type SceneName = (typeof sceneNames)[number];

export interface DemoPicture {
  scene: SceneName;
  /** Varies colours and composition so two pictures of one scene differ. */
  seed: number;
  /** Short description of what the picture shows, for screen readers. */
  alt: string;
  /** One full sentence of context, shown under the picture. */
  caption: string;
  /** Shown as "Picture: <credit>". */
  credit: string;
}

export type DemoBlock =
  | Exclude<Block, { type: 'readMore' | 'teaser' | 'image' }>
  | { type: 'readMore'; slug: string }
  | { type: 'teaser'; slug: string; kicker?: string }
  | { type: 'image'; picture: DemoPicture };

export interface DemoArticle {
  slug: string;
  /** Section slug, one of demoSections. */
  section: string;
  headline: string;
  standfirst: string;
  label: Label;
  /** Author slugs, in byline order. */
  authors: string[];
  /** Tag names, e.g. "NATO"; slugs are derived. */
  tags: string[];
  /** Published this many hours before the seed runs; spreads content over several weeks. */
  hoursAgo: number;
  picture: DemoPicture;
  body: DemoBlock[];
  /** A public update, shown as "Updated <time>" with its note. */
  update?: { hoursLater: number; note: string };
  corrections?: { hoursLater: number; text: string }[];
  /** Editors' placement on the home page: 0 is the lead story, 1..n the top stories. */
  homePosition?: number;
  /** A live blog (label "live"): its entries, posted relative to the seed time. */
  liveEntries?: DemoLiveEntry[];
}

/** One update of a demo live blog. */
export interface DemoLiveEntry {
  /** Posted this many minutes before the seed runs. */
  minutesAgo: number;
  title?: string;
  body: DemoBlock[];
  /** Author slug for the entry's byline. */
  author: string;
  keyEvent?: boolean;
  pinned?: boolean;
  /** A public correction, made this many minutes after posting. */
  correction?: { minutesLater: number; text: string };
}

export interface DemoAuthor {
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
  portraitSeed: number;
}

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

/** A paragraph from plain strings and inline runs: p('Plain ', { text: 'bold', bold: true }, '.') */
export function p(...runs: (string | Inline)[]): DemoBlock {
  return { type: 'paragraph', content: runs.map((run) => (typeof run === 'string' ? { text: run } : run)) };
}
