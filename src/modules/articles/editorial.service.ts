import { diffWords } from 'diff';
import { DomainError, forbidden, notFound } from '../../shared/errors.ts';
import { slugify } from '../../shared/slug.ts';
import type { JobQueue } from '../jobs/index.ts';
import { type ImageRef, type MediaService, variantUrl, widthsFor } from '../media/index.ts';
import { type Actor, systemActor, type UsersService } from '../users/index.ts';
import { type ArticleView, articlePath } from './article.ts';
import type { ArticlePageData, ArticlesService } from './articles.service.ts';
import { type Block, inlineText, referencedMediaIds } from './blocks.ts';
import type { EditorialRepository, EditRecord } from './editorial.repository.ts';
import {
  type EditableFields,
  type EditorArticle,
  type EditorMediaItem,
  editableFieldsSchema,
  saveSchema,
} from './editorial.ts';
import type { ArticleEvent, ArticleEvents } from './events.ts';

export const publishJob = 'article.publish-scheduled';
const presenceWindowMs = 45_000;

function parseInput<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new DomainError(
      'validation_failed',
      `${where}${issue?.message ?? 'Invalid input.'}`,
      result.error.issues,
    );
  }
  return result.data;
}

const stale = () =>
  new DomainError(
    'conflict',
    'Someone else saved this article after you opened it. Reload to see their changes; your last edit was not saved.',
  );

/**
 * The newsroom workflow: drafts, review, scheduling, publishing, updates, corrections, revisions.
 * Every change checks the policy, the version (optimistic concurrency) and writes an audit entry; events
 * go out only after the change is committed.
 */
export class EditorialService {
  private readonly presence = new Map<number, Map<number, { name: string; since: Date; seen: number }>>();

  constructor(
    private readonly repo: EditorialRepository,
    private readonly reader: ArticlesService,
    private readonly media: MediaService,
    private readonly users: UsersService,
    private readonly jobs: JobQueue,
    private readonly events: ArticleEvents,
    private readonly clock: () => Date,
  ) {}

  async create(actor: Actor): Promise<EditorArticle> {
    this.users.authorize(actor, 'article.create');
    const [section] = await this.reader.sections();
    if (!section) throw new DomainError('conflict', 'Create a section before writing articles.');
    const now = this.clock();
    const fields: EditableFields = {
      headline: '',
      standfirst: '',
      label: 'none',
      sectionId: section.id,
      tags: [],
      authorIds: actor.kind === 'user' && actor.authorId ? [actor.authorId] : [],
      leadMediaId: null,
      slug: `draft-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
      seoTitle: '',
      seoDescription: '',
      socialTitle: '',
      socialDescription: '',
      body: [],
      embargoUntil: null,
    };
    const id = await this.repo.createDraft({
      fields,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      now,
    });
    await this.users.audit(actor, 'article.create', id);
    return this.get(actor, id);
  }

  async get(actor: Actor, id: number): Promise<EditorArticle> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.edit', record);
    return this.toEditor(actor, record);
  }

  async save(actor: Actor, id: number, input: unknown): Promise<{ version: number; savedAt: string }> {
    const { version, ...fields } = parseInput(saveSchema, input);
    const record = await this.load(id);
    this.users.authorize(actor, 'article.edit', record);
    if (record.version !== version) throw stale();
    await this.checkReferences(id, fields);
    const now = this.clock();
    const pending = record.status === 'published' || record.status === 'scheduled';
    const next = await this.repo.save({ id, version, fields, pending, userId: userIdOf(actor), now });
    if (next === null) throw stale();
    await this.users.audit(actor, 'article.save', id, `version ${next}`);
    return { version: next, savedAt: now.toISOString() };
  }

  async submit(actor: Actor, id: number, version: number): Promise<EditorArticle> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.submit', record);
    if (record.status !== 'draft') throw new DomainError('conflict', 'Only drafts can be sent for review.');
    await this.transition(actor, record, version, 'in_review', 'submitted for review');
    return this.get(actor, id);
  }

  /** Publishes a draft, or makes saved changes to a published article public (optionally as an "Updated"). */
  async publish(actor: Actor, id: number, version: number, updateNote?: string): Promise<EditorArticle> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.publish', record);
    if (record.version !== version) throw stale();
    const fields = record.pending ?? record.fields;
    await this.assertPublishable(fields);
    const now = this.clock();
    const alreadyLive = record.status === 'published';
    const note = updateNote?.trim().slice(0, 500);
    const set = alreadyLive
      ? note
        ? { publicUpdatedAt: now, updateNote: note }
        : {}
      : { publishedAt: record.publishedAt ?? now, scheduledFor: null };
    const next = await this.repo.transition({
      id,
      version,
      status: 'published',
      apply: fields,
      snapshot: fields,
      set,
      event: alreadyLive ? (note ? 'published update' : 'published changes') : 'published',
      userId: userIdOf(actor),
      now,
    });
    if (next === null) throw stale();
    await this.jobs.cancel(`publish:${id}`);
    await this.users.audit(actor, alreadyLive ? 'article.update' : 'article.publish', id, note ?? '');
    await this.changed(alreadyLive ? 'updated' : 'published', record, fields);
    return this.get(actor, id);
  }

  async schedule(actor: Actor, id: number, version: number, atInput: string): Promise<EditorArticle> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.publish', record);
    const at = new Date(atInput);
    if (Number.isNaN(at.getTime()))
      throw new DomainError('validation_failed', 'The publication time is not a valid date.');
    if (at <= this.clock())
      throw new DomainError('validation_failed', 'Choose a publication time in the future.');
    if (record.status === 'published')
      throw new DomainError('conflict', 'This article is already published.');
    const fields = record.pending ?? record.fields;
    await this.assertPublishable(fields, at);
    const next = await this.repo.transition({
      id,
      version,
      status: 'scheduled',
      snapshot: fields,
      set: { scheduledFor: at },
      event: `scheduled for ${at.toISOString()}`,
      userId: userIdOf(actor),
      now: this.clock(),
    });
    if (next === null) throw stale();
    // Durable: the job is in the database, so a restart before `at` still publishes on time.
    await this.jobs.enqueue(publishJob, { articleId: id }, { runAt: at, dedupeKey: `publish:${id}` });
    await this.users.audit(actor, 'article.schedule', id, at.toISOString());
    return this.get(actor, id);
  }

  /** Run by the job queue. Idempotent: does nothing unless the article is still scheduled and due. */
  async publishScheduled(articleId: number): Promise<void> {
    const record = await this.repo.load(articleId);
    if (record?.status !== 'scheduled' || !record.scheduledFor) return;
    if (record.scheduledFor > this.clock()) return;
    await this.publish(systemActor, articleId, record.version);
  }

  async unpublish(actor: Actor, id: number, version: number): Promise<EditorArticle> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.unpublish', record);
    if (record.status !== 'published' && record.status !== 'scheduled') {
      throw new DomainError('conflict', 'Only published or scheduled articles can be unpublished.');
    }
    const wasLive = record.status === 'published';
    await this.transition(actor, record, version, 'unpublished', 'unpublished', {
      scheduledFor: null,
      homePosition: null,
    });
    await this.jobs.cancel(`publish:${id}`);
    if (wasLive) await this.changed('unpublished', record, record.fields);
    return this.get(actor, id);
  }

  async addCorrection(actor: Actor, id: number, textInput: unknown): Promise<EditorArticle> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.correct', record);
    if (record.status !== 'published')
      throw new DomainError('conflict', 'Corrections are added to published articles.');
    const text = typeof textInput === 'string' ? textInput.trim() : '';
    if (text.length < 5 || text.length > 1000) {
      throw new DomainError('validation_failed', 'A correction needs between 5 and 1,000 characters.');
    }
    await this.repo.addCorrection(id, text, this.clock());
    await this.users.audit(actor, 'article.correct', id, text);
    await this.changed('updated', record, record.fields);
    return this.get(actor, id);
  }

  async revisions(actor: Actor, id: number) {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.edit', record);
    const rows = await this.repo.revisions(id);
    const names = new Map<number, string>();
    for (const row of rows) {
      if (row.userId && !names.has(row.userId))
        names.set(row.userId, (await this.users.byId(row.userId))?.name ?? 'Unknown');
    }
    return rows.map((r) => ({
      version: r.version,
      event: r.event,
      createdAt: r.createdAt.toISOString(),
      userName: r.userId ? (names.get(r.userId) ?? 'Unknown') : 'System',
    }));
  }

  /** A readable comparison of a past revision with the article as it stands now. */
  async diff(actor: Actor, id: number, revisionVersion: number) {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.edit', record);
    const before = await this.repo.revisionSnapshot(id, revisionVersion);
    if (!before) throw notFound('That revision');
    const after = record.pending ?? record.fields;
    const fields: { field: string; before: string; after: string }[] = (
      ['headline', 'standfirst', 'label', 'slug', 'seoTitle', 'seoDescription'] as const
    )
      .filter((f) => before[f] !== after[f])
      .map((field) => ({ field, before: String(before[field] ?? ''), after: String(after[field] ?? '') }));
    if (before.tags.join(', ') !== after.tags.join(', ')) {
      fields.push({ field: 'tags', before: before.tags.join(', '), after: after.tags.join(', ') });
    }
    const body = diffWords(plainText(before.body ?? []), plainText(after.body)).map((part) => ({
      kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
      text: part.value,
    }));
    return { fields, body };
  }

  async restore(actor: Actor, id: number, revisionVersion: number, version: number): Promise<EditorArticle> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.edit', record);
    const snapshot = await this.repo.revisionSnapshot(id, revisionVersion);
    if (!snapshot) throw notFound('That revision');
    const fields = parseInput(editableFieldsSchema, snapshot);
    await this.checkReferences(id, fields);
    const pending = record.status === 'published' || record.status === 'scheduled';
    const next = await this.repo.save({
      id,
      version,
      fields,
      pending,
      userId: userIdOf(actor),
      now: this.clock(),
    });
    if (next === null) throw stale();
    await this.users.audit(actor, 'article.restore', id, `from version ${revisionVersion}`);
    return this.get(actor, id);
  }

  /** Records that `actor` has the article open and says who else does. */
  async touchPresence(actor: Actor, id: number): Promise<{ others: { name: string; since: string }[] }> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.edit', record);
    if (actor.kind !== 'user') return { others: [] };
    const now = this.clock().getTime();
    const open = this.presence.get(id) ?? new Map();
    for (const [userId, entry] of open) if (now - entry.seen > presenceWindowMs) open.delete(userId);
    const mine = open.get(actor.userId);
    open.set(actor.userId, { name: actor.name, since: mine?.since ?? new Date(now), seen: now });
    this.presence.set(id, open);
    const others = [...open.entries()]
      .filter(([userId]) => userId !== actor.userId)
      .map(([, e]) => ({ name: e.name, since: e.since.toISOString() }));
    return { others };
  }

  dashboard(actor: Actor, filter: { status?: EditorArticle['status']; q?: string; mine?: boolean }) {
    if (actor.kind !== 'user') throw forbidden();
    const onlyOwn = actor.role === 'contributor' || filter.mine;
    return this.repo.dashboard(
      { status: filter.status, q: filter.q, createdBy: onlyOwn ? actor.userId : undefined },
      200,
    );
  }

  searchForPicker(actor: Actor, q: string) {
    this.users.authorize(actor, 'article.create');
    return this.repo.searchForPicker(q.trim(), 20);
  }

  tagSuggestions(actor: Actor, q: string) {
    this.users.authorize(actor, 'article.create');
    return this.repo.tagSuggestions(q.trim(), 20);
  }

  async homeCandidates(actor: Actor) {
    this.users.authorize(actor, 'home.curate');
    return this.repo.homeCandidates(60);
  }

  async setHomeOrder(actor: Actor, ids: number[]): Promise<void> {
    this.users.authorize(actor, 'home.curate');
    await this.repo.setHomeOrder([...new Set(ids)].slice(0, 20));
    await this.users.audit(actor, 'home.curate', null, ids.join(','));
    this.reader.contentChanged('home');
  }

  /** The article page exactly as readers would see it, built from the editor's working copy. */
  async preview(actor: Actor, id: number): Promise<ArticlePageData> {
    const record = await this.load(id);
    this.users.authorize(actor, 'article.edit', record);
    const fields = record.pending ?? record.fields;
    const [authors, sections] = await Promise.all([
      this.repo.authorNames(fields.authorIds),
      this.reader.sections(),
    ]);
    const mediaIds = [fields.leadMediaId, ...authors.map((a) => a.portraitMediaId)].filter(
      (m): m is number => m !== null,
    );
    const images = await this.media.imagesById(mediaIds);
    const section = sections.find((s) => s.id === fields.sectionId) ?? { slug: 'preview', name: 'Preview' };
    const now = this.clock();
    const view: ArticleView = {
      id: record.id,
      slug: fields.slug,
      url: articlePath(section.slug, fields.slug),
      headline: fields.headline || 'Untitled draft',
      standfirst: fields.standfirst,
      label: fields.label,
      section: { slug: section.slug, name: section.name },
      publishedAt: record.publishedAt ?? now,
      publicUpdatedAt: record.publicUpdatedAt,
      image: fields.leadMediaId ? (images.get(fields.leadMediaId) ?? null) : null,
      authors: authors.map((a) => ({
        slug: a.slug,
        name: a.name,
        jobTitle: a.jobTitle,
        portrait: a.portraitMediaId ? (images.get(a.portraitMediaId) ?? null) : null,
      })),
      body: fields.body,
      updateNote: record.updateNote,
      tags: fields.tags.map((name) => ({ name, slug: slugify(name) })),
      corrections: record.corrections,
      modifiedAt: now,
      seoTitle: fields.seoTitle || null,
      seoDescription: fields.seoDescription || null,
      socialTitle: fields.socialTitle || null,
      socialDescription: fields.socialDescription || null,
    };
    return this.reader.pageDataFor(view);
  }

  private async load(id: number): Promise<EditRecord> {
    const record = Number.isSafeInteger(id) ? await this.repo.load(id) : undefined;
    if (!record) throw notFound('The article');
    return record;
  }

  private async transition(
    actor: Actor,
    record: EditRecord,
    version: number,
    status: EditorArticle['status'],
    event: string,
    set = {},
  ) {
    const next = await this.repo.transition({
      id: record.id,
      version,
      status,
      snapshot: record.pending ?? record.fields,
      set,
      event,
      userId: userIdOf(actor),
      now: this.clock(),
    });
    if (next === null) throw stale();
    await this.users.audit(actor, `article.${status}`, record.id);
  }

  private async checkReferences(id: number, fields: EditableFields): Promise<void> {
    if (!(await this.repo.sectionExists(fields.sectionId)))
      throw new DomainError('validation_failed', 'Choose a section.');
    const authors = await this.repo.authorNames(fields.authorIds);
    if (authors.length !== new Set(fields.authorIds).size)
      throw new DomainError('validation_failed', 'A byline names an unknown author.');
    if (await this.repo.slugTaken(fields.slug, id))
      throw new DomainError('conflict', 'Another article already uses that slug.');
  }

  /** What must be true before readers see an article. */
  private async assertPublishable(fields: EditableFields, at = this.clock()): Promise<void> {
    const problems: string[] = [];
    if (!fields.headline.trim()) problems.push('a headline');
    if (!fields.standfirst.trim()) problems.push('a standfirst');
    if (fields.authorIds.length === 0) problems.push('at least one byline');
    if (fields.body.length === 0) problems.push('some body text');
    if (problems.length)
      throw new DomainError('validation_failed', `Before publishing, add ${problems.join(', ')}.`);
    if (fields.slug.startsWith('draft-') && fields.headline) {
      throw new DomainError(
        'validation_failed',
        `Give the article a real slug before publishing (for example "${slugify(fields.headline)}").`,
      );
    }
    if (fields.embargoUntil && new Date(fields.embargoUntil) > at) {
      throw new DomainError('conflict', `This article is under embargo until ${fields.embargoUntil}.`);
    }
    const mediaIds = [
      ...(fields.leadMediaId ? [fields.leadMediaId] : []),
      ...referencedMediaIds(fields.body),
    ];
    const images = await this.media.imagesById(mediaIds);
    const missing = mediaIds.filter((m) => !images.has(m));
    if (missing.length)
      throw new DomainError('validation_failed', 'A picture in this article no longer exists.');
    const withoutAlt = mediaIds.filter((m) => {
      const inBody = fields.body.find(
        (b): b is Extract<Block, { type: 'image' }> => b.type === 'image' && b.mediaId === m,
      );
      return !(inBody?.alt ?? images.get(m)?.alt ?? '').trim();
    });
    if (withoutAlt.length) {
      throw new DomainError(
        'validation_failed',
        'Every picture needs alternative text before publishing. Describe what it shows in the media library.',
      );
    }
  }

  private async changed(
    type: ArticleEvent['type'],
    before: EditRecord,
    after: EditableFields,
  ): Promise<void> {
    this.reader.contentChanged('article');
    const authorIds = [...new Set([...before.fields.authorIds, ...after.authorIds])];
    const sections = await this.reader.sections();
    const sectionSlugs = [...new Set([before.fields.sectionId, after.sectionId])].flatMap(
      (sid) => sections.find((s) => s.id === sid)?.slug ?? [],
    );
    await this.events.emit({
      type,
      articleId: before.id,
      sectionSlugs,
      authorSlugs: (await this.repo.authorNames(authorIds)).map((a) => a.slug),
      tagSlugs: [...new Set([...before.fields.tags, ...after.tags].map(slugify))],
      at: this.clock(),
    });
  }

  private async toEditor(actor: Actor, record: EditRecord): Promise<EditorArticle> {
    const fields = record.pending ?? record.fields;
    const [authors, lead] = await Promise.all([
      this.repo.authorNames(fields.authorIds),
      fields.leadMediaId ? this.media.imagesById([fields.leadMediaId]) : Promise.resolve(new Map()),
    ]);
    const image = fields.leadMediaId ? lead.get(fields.leadMediaId) : undefined;
    const live = record.status === 'published';
    return {
      ...fields,
      id: record.id,
      version: record.version,
      status: record.status,
      url: live ? articlePath(record.sectionSlug, record.fields.slug) : null,
      authors: authors.map(({ id, name }) => ({ id, name })),
      leadMedia: image ? editorMediaItem(image) : null,
      scheduledFor: record.scheduledFor?.toISOString() ?? null,
      publishedAt: record.publishedAt?.toISOString() ?? null,
      publicUpdatedAt: record.publicUpdatedAt?.toISOString() ?? null,
      updateNote: record.updateNote,
      corrections: record.corrections.map((c) => ({
        text: c.text,
        correctedAt: c.correctedAt.toISOString(),
      })),
      hasPendingChanges: record.pending !== null,
      permissions: {
        canEdit: this.users.can(actor, 'article.edit', record),
        canSubmit: record.status === 'draft' && this.users.can(actor, 'article.submit', record),
        canPublish: this.users.can(actor, 'article.publish', record),
        canUnpublish:
          (live || record.status === 'scheduled') && this.users.can(actor, 'article.unpublish', record),
      },
    };
  }
}

export function editorMediaItem(image: ImageRef): EditorMediaItem {
  // The widest variant that is not wider than asked for (small originals have only their own width).
  const upTo = (max: number) =>
    widthsFor(image.width)
      .filter((w) => w <= max)
      .at(-1) ?? image.width;
  return {
    ...image,
    thumbUrl: variantUrl(image.id, upTo(480), 'jpeg'),
    previewUrl: variantUrl(image.id, upTo(960), 'jpeg'),
  };
}

function userIdOf(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}

function plainText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
        case 'quote':
          return inlineText(b.content);
        case 'heading':
        case 'pullquote':
          return b.text;
        case 'list':
        case 'factbox':
          return b.items.map(inlineText).join('\n');
        case 'image':
          return `[picture ${b.mediaId}]`;
        case 'embed':
          return `[${b.provider}: ${b.title}]`;
        case 'readMore':
          return `[Read more: article ${b.articleId}]`;
        case 'teaser':
          return `[Teaser: article ${b.articleId}]`;
        default:
          return '---';
      }
    })
    .join('\n\n');
}
