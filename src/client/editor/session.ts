import { ApiError, api as defaultApi, messageOf } from './api.ts';
import { Autosaver, type SaveState } from './autosave.ts';
import { bodyWordCount } from './text-stats.ts';
import type { Block, Byline, EditorArticle, EditorData, MediaItem, SavePayload } from './types.ts';

/**
 * The state of one editing session: the server's last word (`article`), the journalist's fields, the body
 * (owned by Tiptap, read through `BodySource`), autosave, workflow actions and who else is here.
 * Plain TypeScript with a subscribe method, so the Preact chrome only draws it.
 */

export interface Fields {
  headline: string;
  standfirst: string;
  label: string;
  sectionId: number;
  tags: string[];
  authors: Byline[];
  leadMedia: MediaItem | null;
  slug: string;
  seoTitle: string;
  seoDescription: string;
  socialTitle: string;
  socialDescription: string;
  embargoUntil: string | null;
}

export interface BodySource {
  get(): Block[];
  /** Replaces the body without counting as an edit (a restore, or another action's answer). */
  set(blocks: Block[]): void;
}

export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

export function fieldsOf(article: EditorArticle): Fields {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    label: article.label,
    sectionId: article.sectionId,
    tags: [...article.tags],
    authors: [...article.authors],
    leadMedia: article.leadMedia,
    slug: article.slug,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    socialTitle: article.socialTitle,
    socialDescription: article.socialDescription,
    embargoUntil: article.embargoUntil,
  };
}

export class EditorSession {
  article: EditorArticle;
  fields: Fields;
  readonly saver: Autosaver;
  words: number;
  /** The workflow action running now, if any (buttons are disabled meanwhile). */
  busy: string | null = null;
  notice: Notice | null = null;
  others: { name: string; since: string }[] = [];
  private body: BodySource | null = null;
  private listeners = new Set<() => void>();

  constructor(
    readonly data: EditorData,
    readonly api: typeof defaultApi = defaultApi,
  ) {
    this.article = data.article;
    this.fields = fieldsOf(data.article);
    this.words = bodyWordCount(data.article.body);
    this.saver = new Autosaver(data.article.version, {
      save: (version, keepalive) => this.api.save(this.article.id, this.payload(version), keepalive),
      onState: () => this.emit(),
    });
  }

  /** The zone times are shown and entered in: the site's, or the browser's when the page names none. */
  get timeZone(): string | undefined {
    return this.data.timeZone;
  }

  get saveState(): SaveState {
    return this.saver.state;
  }

  get canEdit(): boolean {
    return this.article.permissions.canEdit && this.saver.state.kind !== 'conflict';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  attachBody(body: BodySource): void {
    this.body = body;
  }

  update(patch: Partial<Fields>): void {
    this.fields = { ...this.fields, ...patch };
    this.saver.changed();
    this.emit();
  }

  bodyChanged(): void {
    this.words = bodyWordCount(this.body?.get() ?? []);
    this.saver.changed();
    this.emit();
  }

  payload(version: number): SavePayload {
    const f = this.fields;
    return {
      version,
      headline: f.headline,
      standfirst: f.standfirst,
      label: f.label,
      sectionId: f.sectionId,
      tags: f.tags,
      authorIds: f.authors.map((author) => author.id),
      leadMediaId: f.leadMedia?.id ?? null,
      slug: f.slug,
      seoTitle: f.seoTitle,
      seoDescription: f.seoDescription,
      socialTitle: f.socialTitle,
      socialDescription: f.socialDescription,
      body: this.body?.get() ?? this.article.body,
      embargoUntil: f.embargoUntil,
    };
  }

  dismissNotice(): void {
    this.notice = null;
    this.emit();
  }

  /**
   * Runs a workflow action: saves first (an action on unsaved text would publish the old words), calls
   * the server with the saved version, then takes its answer as the new state. Edits typed while the
   * action ran are kept and saved on top, never thrown away.
   */
  async run(
    name: string,
    call: (version: number) => Promise<EditorArticle>,
    done: string,
    replaceContent = false,
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = name;
    this.notice = null;
    this.emit();
    try {
      if (!(await this.saver.flush())) {
        if (this.saver.state.kind !== 'conflict') {
          this.notice = {
            kind: 'error',
            text: 'Your latest changes could not be saved, so nothing else was done.',
          };
        }
        return false;
      }
      const editsBefore = this.saver.editCount;
      const answer = await call(this.saver.version);
      this.apply(answer, replaceContent || this.saver.editCount === editsBefore);
      this.notice = { kind: 'success', text: done };
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) this.saver.conflict(error.message);
      else this.notice = { kind: 'error', text: messageOf(error) };
      return false;
    } finally {
      this.busy = null;
      this.emit();
    }
  }

  private apply(article: EditorArticle, replaceContent: boolean): void {
    this.article = article;
    this.saver.adopt(article.version, replaceContent);
    if (!replaceContent) return;
    this.fields = fieldsOf(article);
    const current = JSON.stringify(this.body?.get() ?? []);
    if (current !== JSON.stringify(article.body)) this.body?.set(article.body);
    this.words = bodyWordCount(article.body);
  }

  /** A picture's library details changed (alt text, focal point): not an edit of this article. */
  mediaUpdated(item: MediaItem): void {
    if (this.fields.leadMedia?.id !== item.id) return;
    this.fields = { ...this.fields, leadMedia: item };
    this.emit();
  }

  setOthers(others: { name: string; since: string }[]): void {
    const names = others.map((o) => o.name).join('\n');
    if (names === this.others.map((o) => o.name).join('\n')) return;
    this.others = others;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
