import { randomUUID } from 'node:crypto';
import type { ArticleEvent, ContentScope } from '../modules/articles/index.ts';
import type { Bus } from '../platform/bus/index.ts';
import type { EdgePurge } from './edge-purge.ts';

/** This instance's caches of content: the page cache and the in-memory site-wide lists. */
export interface LocalCaches {
  purgePages(tags: string[]): void;
  /** Forget in-memory lists (navigation, latest, home) that a change on another instance made stale. */
  contentChangedElsewhere(): void;
}

const channel = 'broadsheet_purge';

interface PurgeMessage {
  origin: string;
  tags: string[];
  content: boolean;
}

/**
 * The pages an article change shows up on: its own page and every page whose card or rail shows it
 * (`article:<id>`), the lists of its section, authors and tags before and after the change (so a byline
 * change or a section move leaves neither the old nor the new list stale), and the feeds. Publishing and
 * unpublishing also change which stories are newest, so every list of the newest (`latest`, `home`) goes.
 */
export function tagsForArticleEvent(event: ArticleEvent): string[] {
  const tags = new Set([`article:${event.articleId}`, 'feeds']);
  for (const slug of event.sectionSlugs) tags.add(`section:${slug}`);
  for (const slug of event.authorSlugs) tags.add(`author:${slug}`);
  for (const slug of event.tagSlugs) tags.add(`tag:${slug}`);
  if (event.type !== 'updated') {
    tags.add('latest');
    tags.add('home');
  }
  return [...tags];
}

/** The pages a change of this scope affects, when no article event says more. */
export function tagsForScope(scope: ContentScope): string[] | null {
  if (scope === 'home') return ['home'];
  if (scope === 'all') return ['site', 'feeds'];
  return null;
}

/**
 * Purges by tag everywhere: this instance's memory at once (before the editor's request returns), every
 * other instance through the bus within milliseconds, and the edge through a durable, retried job.
 */
export class Invalidation {
  private readonly origin = randomUUID();

  constructor(
    private readonly local: LocalCaches,
    private readonly bus: Bus,
    private readonly edge: EdgePurge,
    private readonly log: (error: unknown, message: string) => void,
  ) {}

  /** Starts listening to the other instances. */
  async start(): Promise<void> {
    await this.bus.subscribe(channel, (text) => this.received(text));
  }

  /** Drops pages with these tags; `content` also drops the in-memory lists on other instances. */
  async purge(tags: string[], content = false): Promise<void> {
    if (tags.length === 0) return;
    this.local.purgePages(tags);
    await Promise.all([
      this.announce(tags, content).catch((error: unknown) =>
        this.log(error, 'could not tell other instances'),
      ),
      this.edge.enqueue(tags).catch((error: unknown) => this.log(error, 'could not queue the edge purge')),
    ]);
  }

  private async announce(tags: string[], content: boolean): Promise<void> {
    // NOTIFY payloads are limited: a very long list goes in pieces.
    for (let start = 0; start < tags.length; start += 100) {
      const message: PurgeMessage = { origin: this.origin, tags: tags.slice(start, start + 100), content };
      await this.bus.publish(channel, JSON.stringify(message));
    }
  }

  private received(text: string): void {
    let message: PurgeMessage;
    try {
      message = JSON.parse(text) as PurgeMessage;
    } catch (error) {
      this.log(error, 'unreadable purge message');
      return;
    }
    if (message.origin === this.origin || !Array.isArray(message.tags)) return;
    if (message.content) this.local.contentChangedElsewhere();
    this.local.purgePages(message.tags.filter((tag) => typeof tag === 'string'));
  }
}
