import type { RequestContext } from '../../shared/context.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { Memo } from '../../shared/memo.ts';
import { slugPattern } from '../../shared/slug.ts';
import type { ImageRef, MediaService } from '../media/index.ts';
import type { ArticleCard, ArticleView, Page, Section, SectionRef, TagRef } from './article.ts';
import type {
  ArticleFilter,
  ArticlesRepository,
  NewArticle,
  TaxonomyRepository,
} from './articles.repository.ts';
import { bodySchema, referencedArticleIds, referencedMediaIds } from './blocks.ts';

export const listPageSize = 20;
/** Reader listings number their first pages; deeper pages are reached by keyset cursors. */
export const numberedPages = 10;
/** Article ids are PostgreSQL `integer`s. */
const maxId = 2_147_483_647;
const railSize = 6;
const perSectionOnHome = 4;
const curatedOnHome = 7;
const homeLatestSize = 8;
/** Site-wide pieces are refreshed on every content change; the TTL only bounds drift between instances. */
const siteWideTtlMs = 30_000;

export interface ArticlePageData {
  article: ArticleView;
  /** Articles named by "Read more" and teaser blocks, by id; unpublished ones are absent. */
  linked: Map<number, ArticleCard>;
  /** Pictures used inside the body, by media id. */
  images: Map<number, ImageRef>;
  latest: ArticleCard[];
}

export interface HomeData {
  lead: ArticleCard | null;
  top: ArticleCard[];
  sections: { section: Section; articles: ArticleCard[] }[];
  latest: ArticleCard[];
}

/** Where a reader is in a listing: a numbered page near the top, or just past a story (see `listing`). */
export type ListPosition = { page: number } | { before: number } | { after: number };

/** One page of a reader listing with where its "Newer" and "Older" links go (null: none). */
export interface ArticleListing {
  items: ArticleCard[];
  position: ListPosition;
  newer: ListPosition | null;
  older: ListPosition | null;
}

/** The listing has nothing at that position: send the reader here instead. */
export interface ListingRedirect {
  redirect: ListPosition;
}

export type ListingSubject =
  | { kind: 'latest' }
  | { kind: 'section'; section: Section }
  | { kind: 'tag'; tag: TagRef & { id: number } }
  | { kind: 'author'; authorId: number };

/**
 * What a change touched: one article (an ArticleEvent with the details follows), the home page's
 * curation, or anything at all (imports, seeding).
 */
export type ContentScope = 'article' | 'home' | 'all';

export class ArticlesService {
  private readonly sectionsMemo: Memo<Section[]>;
  private readonly latestMemo: Memo<ArticleCard[]>;
  private readonly homeMemo: Memo<HomeData>;
  private readonly listeners: ((scope: ContentScope) => void)[] = [];

  constructor(
    private readonly repo: ArticlesRepository,
    private readonly taxonomy: TaxonomyRepository,
    private readonly media: MediaService,
  ) {
    this.sectionsMemo = new Memo(() => this.taxonomy.sections(), siteWideTtlMs);
    // One more than the rail shows, so excluding the current article still fills it.
    this.latestMemo = new Memo(
      () => this.repo.slice({ kind: 'all' }, { offset: 0 }, railSize + 1),
      siteWideTtlMs,
    );
    this.homeMemo = new Memo(() => this.loadHome(), siteWideTtlMs);
  }

  /** Subscribes to "content changed" (after commit), for caches outside this module. */
  onChange(listener: (scope: ContentScope) => void): void {
    this.listeners.push(listener);
  }

  /** Forgets everything derived from the content; called after every committed change. */
  contentChanged(scope: ContentScope = 'all'): void {
    this.sectionsMemo.invalidate();
    this.latestMemo.invalidate();
    this.homeMemo.invalidate();
    for (const listener of this.listeners) listener(scope);
  }

  sections(): Promise<Section[]> {
    return this.sectionsMemo.get();
  }

  async sectionBySlug(slug: string): Promise<Section> {
    const section = (await this.sections()).find((s) => s.slug === slug);
    if (!section) throw notFound('The section');
    return section;
  }

  async tagBySlug(slug: string): Promise<TagRef & { id: number }> {
    const tag = slugPattern.test(slug) ? await this.taxonomy.tagBySlug(slug) : undefined;
    if (!tag) throw notFound('The topic');
    return tag;
  }

  /** The article page's data: one statement, plus the latest rail from memory. */
  async articlePage(_ctx: RequestContext, sectionSlug: string, slug: string): Promise<ArticlePageData> {
    const found = slugPattern.test(slug) ? await this.repo.articlePage({ slug }) : undefined;
    if (!found || found.article.section.slug !== sectionSlug) throw notFound('The article');
    const { article } = found;
    const latest = await this.latestMemo.get();
    return {
      article,
      linked: new Map(found.linked.map((card) => [card.id, card])),
      images: new Map(found.images.map((image) => [image.id, image])),
      latest: latest.filter((card) => card.id !== article.id).slice(0, railSize),
    };
  }

  /** Everything around an article's own fields (a preview of a draft): linked stories, pictures, rail. */
  async pageDataFor(article: ArticleView): Promise<ArticlePageData> {
    const [linkedCards, images, latest] = await Promise.all([
      this.repo.cardsByIds(referencedArticleIds(article.body)),
      this.media.imagesById(referencedMediaIds(article.body)),
      this.latestMemo.get(),
    ]);
    return {
      article,
      linked: new Map(linkedCards.map((card) => [card.id, card])),
      images,
      latest: latest.filter((card) => card.id !== article.id).slice(0, railSize),
    };
  }

  /** Published cards for these ids, in order; unpublished or missing ones are left out. */
  cardsByIds(ids: readonly number[]): Promise<ArticleCard[]> {
    return this.repo.cardsByIds(ids);
  }

  /** A published article by id, as readers see it (audio, feeds and other readers of content). */
  async publishedById(id: number): Promise<ArticleView | undefined> {
    return this.repo.findPublished({ id });
  }

  /** Where an article moved to when its slug or section changed, if it did. */
  async movedArticlePath(sectionSlug: string, slug: string): Promise<string | undefined> {
    if (!slugPattern.test(slug)) return undefined;
    const current = await this.repo.findPublished({ slug });
    if (current && current.section.slug !== sectionSlug) return current.url;
    return this.repo.currentPathForOldSlug(slug);
  }

  home(): Promise<HomeData> {
    return this.homeMemo.get();
  }

  latest(): Promise<ArticleCard[]> {
    return this.latestMemo.get();
  }

  /**
   * A numbered page with the exact total, for the newsroom and for feeds (page 1). It counts the whole
   * list and skips with OFFSET, so reader pages use `listing`, which costs the same at any depth.
   */
  async list(subject: ListingSubject, page: number): Promise<Page<ArticleCard>> {
    if (!Number.isSafeInteger(page) || page < 1) {
      throw new DomainError('bad_request', 'The page number must be a whole number from 1 upwards.');
    }
    const filter = toFilter(subject);
    const total = await this.repo.count(filter);
    const pageCount = Math.max(1, Math.ceil(total / listPageSize));
    if (page > pageCount) return { items: [], page, pageCount, total };
    const items = await this.repo.slice(filter, { offset: (page - 1) * listPageSize }, listPageSize);
    return { items, page, pageCount, total };
  }

  /**
   * A reader's listing page (latest, section, topic, author), newest first, in one indexed statement at
   * any depth. The first `numberedPages` pages have numbers (`?page=3`); from there, "Older" links carry
   * the last story shown (`?before=<id>`) and "Newer" links the first (`?after=<id>`), so no page ever
   * skips rows with OFFSET. Positions that show nothing answer with where to go instead:
   * - a page number past the end (or past the numbered pages) → the last numbered page that has stories;
   * - a cursor with nothing beyond it (or naming no story), or "newer" reaching the top → page 1.
   */
  async listing(subject: ListingSubject, position: ListPosition): Promise<ArticleListing | ListingRedirect> {
    const filter = toFilter(subject);
    const size = listPageSize;
    if ('page' in position) {
      const { page } = position;
      if (!Number.isSafeInteger(page) || page < 1) {
        throw new DomainError('bad_request', 'The page number must be a whole number from 1 upwards.');
      }
      if (page > numberedPages) return { redirect: await this.lastNumberedPage(filter) };
      const found = await this.repo.slice(filter, { offset: (page - 1) * size }, size + 1);
      if (found.length === 0 && page > 1) return { redirect: await this.lastNumberedPage(filter) };
      const items = found.slice(0, size);
      const last = items.at(-1);
      const older =
        found.length > size && last
          ? page < numberedPages
            ? { page: page + 1 }
            : { before: last.id }
          : null;
      return { items, position, newer: page > 1 ? { page: page - 1 } : null, older };
    }
    const id = 'before' in position ? position.before : position.after;
    if (!Number.isSafeInteger(id) || id < 1 || id > maxId) {
      throw new DomainError('bad_request', 'The position in the list must be a story number.');
    }
    const found = await this.repo.slice(filter, position, size + 1);
    // "Newer" slices come newest first; the extra story, if any, is the newest one.
    const items = 'before' in position ? found.slice(0, size) : found.slice(-size);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last || ('after' in position && found.length <= size)) return { redirect: { page: 1 } };
    return {
      items,
      position,
      newer: { after: first.id },
      older: 'after' in position || found.length > size ? { before: last.id } : null,
    };
  }

  /** The last numbered page that has stories (counting no further than the numbered pages). */
  private async lastNumberedPage(filter: ArticleFilter): Promise<ListPosition> {
    const total = await this.repo.countUpTo(filter, numberedPages * listPageSize);
    return { page: Math.max(1, Math.ceil(total / listPageSize)) };
  }

  /**
   * Imports an article as a draft (demo content, migrations from other systems). The body comes later
   * through `publishImported`, once every article it links to has an id.
   */
  async importDraft(input: Omit<NewArticle, 'status' | 'body'>): Promise<number> {
    if (!slugPattern.test(input.slug)) throw new DomainError('validation_failed', 'The slug is not valid.');
    return this.repo.insert({ ...input, body: [], status: 'draft' });
  }

  /** Gives an imported draft its body and publishes it. Every body is validated before it is stored. */
  async publishImported(id: number, blocks: unknown): Promise<void> {
    const body = bodySchema.safeParse(blocks);
    if (!body.success) {
      throw new DomainError('validation_failed', 'The article body is not valid.', body.error.issues);
    }
    await this.repo.publishWithBody(id, body.data);
    this.contentChanged();
  }

  statusBySlug(slug: string): Promise<{ id: number; status: string } | undefined> {
    return this.repo.statusBySlug(slug);
  }

  async ensureSection(s: SectionRef & { description: string; position: number }): Promise<void> {
    await this.taxonomy.ensureSection(s);
    this.sectionsMemo.invalidate();
  }

  ensureTag(slug: string, name: string): Promise<number> {
    return this.taxonomy.ensureTag(slug, name);
  }

  /** The home page in three statements run together, each reading a few index entries. */
  private async loadHome(): Promise<HomeData> {
    const [curated, sections, perSection, latest] = await Promise.all([
      this.repo.curated(curatedOnHome),
      this.sections(),
      this.repo.newestPerSection(perSectionOnHome + curatedOnHome),
      this.repo.slice({ kind: 'all' }, { offset: 0 }, homeLatestSize + curatedOnHome),
    ]);
    const [lead = null, ...top] = curated;
    const shown = new Set(curated.map((c) => c.id));
    // Section blocks skip what the top of the page already shows, so no story appears twice up there.
    const sectionCards = perSection.filter((p) => !shown.has(p.card.id));
    return {
      lead,
      top,
      sections: sections
        .map((section) => ({
          section,
          articles: sectionCards
            .filter((p) => p.sectionId === section.id)
            .slice(0, perSectionOnHome)
            .map((p) => p.card),
        }))
        .filter((block) => block.articles.length > 0),
      // The latest column shows what the curated top of the page does not.
      latest: latest.filter((card) => !shown.has(card.id)).slice(0, homeLatestSize),
    };
  }
}

function toFilter(subject: ListingSubject): ArticleFilter {
  switch (subject.kind) {
    case 'latest':
      return { kind: 'all' };
    case 'section':
      return { kind: 'section', sectionId: subject.section.id };
    case 'tag':
      return { kind: 'tag', tagId: subject.tag.id };
    case 'author':
      return { kind: 'author', authorId: subject.authorId };
  }
}
