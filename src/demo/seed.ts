import type { ArticlesService, Block } from '../modules/articles/index.ts';
import type { AuthorsService } from '../modules/authors/index.ts';
import type { LiveBlogsService } from '../modules/liveblogs/index.ts';
import type { MediaService } from '../modules/media/index.ts';
import { slugify } from '../shared/slug.ts';
import { demoArticles, demoAuthors, demoSections } from './content/index.ts';
import { portraitSvg, renderJpeg, sceneSvg } from './images/index.ts';
import type { DemoArticle, DemoBlock, DemoPicture } from './types.ts';

export interface SeedServices {
  articles: ArticlesService;
  authors: AuthorsService;
  media: MediaService;
  /** When given, demo live blogs get their entries. */
  liveblogs?: LiveBlogsService;
}

export interface SeedResult {
  created: number;
  existing: number;
}

const pictureSize = { width: 1600, height: 900 };
const hour = 3_600_000;

async function importPicture(media: MediaService, picture: DemoPicture) {
  const svg = sceneSvg(picture.scene, picture.seed, pictureSize.width, pictureSize.height);
  const jpeg = await renderJpeg(svg);
  return media.importImage(jpeg, { alt: picture.alt, caption: picture.caption, credit: picture.credit });
}

/**
 * Fills an empty site with the demo newsroom. Idempotent: articles that exist are left alone, and an
 * interrupted run (articles still drafts) is completed by the next one. Publication times are relative to
 * `now`, so a fresh site always looks current.
 */
export async function seedDemo(services: SeedServices, now = new Date()): Promise<SeedResult> {
  const { articles, authors, media } = services;
  for (const [position, section] of demoSections.entries()) {
    await articles.ensureSection({ ...section, position });
  }
  const sectionIds = new Map((await articles.sections()).map((s) => [s.slug, s.id]));

  const authorIds = new Map<string, number>();
  for (const author of demoAuthors) {
    const portrait = await media.importImage(await renderJpeg(portraitSvg(author.portraitSeed, 400)), {
      alt: `Portrait of ${author.name}`,
      credit: 'Broadsheet',
    });
    const saved = await authors.ensure({ ...author, portraitMediaId: portrait.id });
    authorIds.set(author.slug, saved.id);
  }

  const ids = new Map<string, number>();
  const toPublish: DemoArticle[] = [];
  let existing = 0;
  for (const demo of demoArticles) {
    const found = await articles.statusBySlug(demo.slug);
    if (found) ids.set(demo.slug, found.id);
    if (found?.status === 'published') {
      existing++;
      continue;
    }
    toPublish.push(demo);
    if (found) continue;
    const sectionId = sectionIds.get(demo.section);
    if (sectionId === undefined)
      throw new Error(`demo article ${demo.slug} names unknown section ${demo.section}`);
    const lead = await importPicture(media, demo.picture);
    const tagIds = [];
    for (const name of demo.tags) tagIds.push(await articles.ensureTag(slugify(name), name));
    const publishedAt = new Date(now.getTime() - demo.hoursAgo * hour);
    const id = await articles.importDraft({
      slug: demo.slug,
      headline: demo.headline,
      standfirst: demo.standfirst,
      label: demo.label,
      sectionId,
      leadMediaId: lead.id,
      publishedAt,
      publicUpdatedAt: demo.update ? new Date(publishedAt.getTime() + demo.update.hoursLater * hour) : null,
      updateNote: demo.update?.note ?? null,
      homePosition: demo.homePosition ?? null,
      authorIds: demo.authors.map((slug) => {
        const authorId = authorIds.get(slug);
        if (authorId === undefined) throw new Error(`demo article ${demo.slug} names unknown author ${slug}`);
        return authorId;
      }),
      tagIds,
      corrections: (demo.corrections ?? []).map((c) => ({
        text: c.text,
        correctedAt: new Date(publishedAt.getTime() + c.hoursLater * hour),
      })),
    });
    ids.set(demo.slug, id);
  }

  for (const demo of toPublish) {
    const id = ids.get(demo.slug);
    if (id === undefined) continue;
    const body: Block[] = [];
    for (const block of demo.body) body.push(await resolveBlock(block, ids, media));
    await articles.publishImported(id, body);
  }
  if (services.liveblogs) await seedLiveEntries(services.liveblogs, ids, authorIds, media, now);
  return { created: toPublish.length, existing };
}

/** Entries of the demo live blogs; a blog that already has entries is left alone (idempotent). */
async function seedLiveEntries(
  liveblogs: LiveBlogsService,
  ids: Map<string, number>,
  authorIds: Map<string, number>,
  media: MediaService,
  now: Date,
): Promise<void> {
  const minute = 60_000;
  for (const demo of demoArticles) {
    const articleId = ids.get(demo.slug);
    if (!demo.liveEntries || articleId === undefined) continue;
    const entries = [];
    for (const entry of demo.liveEntries) {
      const postedAt = new Date(now.getTime() - entry.minutesAgo * minute);
      const body: Block[] = [];
      for (const block of entry.body) body.push(await resolveBlock(block, ids, media));
      entries.push({
        postedAt,
        title: entry.title ?? null,
        body,
        keyEvent: entry.keyEvent ?? false,
        pinned: entry.pinned ?? false,
        authorId: authorIds.get(entry.author) ?? null,
        corrections: entry.correction
          ? [
              {
                text: entry.correction.text,
                at: new Date(postedAt.getTime() + entry.correction.minutesLater * minute),
              },
            ]
          : [],
      });
    }
    await liveblogs.importEntries(articleId, entries);
  }
}

async function resolveBlock(block: DemoBlock, ids: Map<string, number>, media: MediaService): Promise<Block> {
  switch (block.type) {
    case 'readMore':
    case 'teaser': {
      const articleId = ids.get(block.slug);
      if (articleId === undefined) throw new Error(`demo link to unknown article ${block.slug}`);
      return block.type === 'readMore'
        ? { type: 'readMore', articleId }
        : { type: 'teaser', articleId, kicker: block.kicker };
    }
    case 'image': {
      const image = await importPicture(media, block.picture);
      return { type: 'image', mediaId: image.id };
    }
    default:
      return block;
  }
}
