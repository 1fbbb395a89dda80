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

export type ListingSubject =
  | { kind: 'latest' }
  | { kind: 'section'; section: Section }
  | { kind: 'tag'; tag: TagRef & { id: number } }
  | { kind: 'author'; authorId: number };

export class ArticlesService {
  private readonly sectionsMemo: Memo<Section[]>;
  private readonly latestMemo: Memo<ArticleCard[]>;
  private readonly homeMemo: Memo<HomeData>;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly repo: ArticlesRepository,
    private readonly taxonomy: TaxonomyRepository,
    private readonly media: MediaService,
  ) {
    this.sectionsMemo = new Memo(() => this.taxonomy.sections(), siteWideTtlMs);
    // One more than the rail shows, so excluding the current article still fills it.
    this.latestMemo = new Memo(() => this.repo.cards({ kind: 'all' }, railSize + 1), siteWideTtlMs);
    this.homeMemo = new Memo(() => this.loadHome(), siteWideTtlMs);
  }

  /** Subscribes to "content changed" (after commit), for caches outside this module. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Forgets everything derived from the content; called after every committed change. */
  contentChanged(): void {
    this.sectionsMemo.invalidate();
    this.latestMemo.invalidate();
    this.homeMemo.invalidate();
    for (const listener of this.listeners) listener();
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

  async articlePage(_ctx: RequestContext, sectionSlug: string, slug: string): Promise<ArticlePageData> {
    const article = slugPattern.test(slug) ? await this.repo.findPublished({ slug }) : undefined;
    if (!article || article.section.slug !== sectionSlug) throw notFound('The article');
    return this.pageDataFor(article);
  }

  /** Everything around an article's own fields: linked stories, body pictures, the latest rail. */
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

  async list(subject: ListingSubject, page: number): Promise<Page<ArticleCard>> {
    if (!Number.isSafeInteger(page) || page < 1) {
      throw new DomainError('bad_request', 'The page number must be a whole number from 1 upwards.');
    }
    const filter = toFilter(subject);
    const total = await this.repo.countCards(filter);
    const pageCount = Math.max(1, Math.ceil(total / listPageSize));
    if (page > pageCount) return { items: [], page, pageCount, total };
    const items = await this.repo.cards(filter, listPageSize, (page - 1) * listPageSize);
    return { items, page, pageCount, total };
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

  private async loadHome(): Promise<HomeData> {
    const [curated, sections, perSection, latest] = await Promise.all([
      this.repo.curated(curatedOnHome),
      this.sections(),
      this.repo.newestIdsPerSection(perSectionOnHome + curatedOnHome),
      this.repo.cards({ kind: 'all' }, homeLatestSize + curatedOnHome),
    ]);
    const [lead = null, ...top] = curated;
    const shown = new Set(curated.map((c) => c.id));
    // Section blocks skip what the top of the page already shows, so no story appears twice up there.
    const sectionIds = perSection.filter((p) => !shown.has(p.id));
    const cards = new Map((await this.repo.cardsByIds(sectionIds.map((p) => p.id))).map((c) => [c.id, c]));
    return {
      lead,
      top,
      sections: sections
        .map((section) => ({
          section,
          articles: sectionIds
            .filter((p) => p.sectionId === section.id)
            .slice(0, perSectionOnHome)
            .flatMap((p) => cards.get(p.id) ?? []),
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
