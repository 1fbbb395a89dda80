import type { KeyEvent, LiveBlogView } from '../../../modules/liveblogs/index.ts';
import { noteCacheTags } from '../../cache-tags.ts';
import type { BlockContext } from '../blocks.tsx';
import { Dateline } from '../dates.tsx';
import { entryAnchor, entryPath, entryTime, LiveEntryView } from './live-entry.tsx';

/** "Live" with a pulsing dot while the blog runs; a quiet "Live blog" label once it has ended. */
export function LiveBadge({ live }: { live: boolean }) {
  return live ? (
    <span class="label label-live lb-badge">
      <span class="lb-dot" aria-hidden="true" />
      Live
    </span>
  ) : (
    <span class="label lb-badge-ended">Live blog</span>
  );
}

/** One line of the "Key events" list; links to the entry on this page (the island keeps it in step). */
export function KeyEventItem({
  event,
  href,
  timeZone,
  now,
}: {
  event: KeyEvent;
  href: string;
  timeZone: string;
  now: Date;
}) {
  return (
    <li data-entry-id={event.id}>
      <a href={href}>
        <time dateTime={event.postedAt.toISOString()}>{entryTime(event.postedAt, timeZone, now)}</time>{' '}
        <span>{event.label}</span>
      </a>
    </li>
  );
}

/** "Live: updates appear here…" while running; "This live blog has ended." once closed. */
export function LiveStatus({
  live,
  endedAt,
  timeZone,
}: {
  live: boolean;
  endedAt: Date | null;
  timeZone: string;
}) {
  return live ? (
    <p class="lb-status">
      <span class="lb-dot" aria-hidden="true" /> Live: updates appear here as they are posted.
    </p>
  ) : (
    <p class="lb-status lb-status-ended">
      <strong>This live blog has ended.</strong>
      {endedAt && (
        <>
          {' '}
          <Dateline date={endedAt} timeZone={timeZone} prefix="Closed " />
        </>
      )}
    </p>
  );
}

export interface LiveBlogProps {
  view: LiveBlogView;
  ctx: BlockContext;
  articleUrl: string;
  timeZone: string;
  now: Date;
}

function pageHref(articleUrl: string, page: number): string {
  return page <= 1 ? `${articleUrl}#updates` : `${articleUrl}?page=${page}#updates`;
}

/**
 * The running part of a live-blog page: status, key events, the pinned entry, then entries newest first,
 * paged. Complete without JavaScript; the liveblog island adds pushed updates to it.
 */
export function LiveBlog({ view, ctx, articleUrl, timeZone, now }: LiveBlogProps) {
  noteCacheTags(`article:${view.articleId}`);
  const shown = new Set(
    [view.highlighted, view.pinned, ...view.entries].flatMap((entry) => (entry ? [entry.id] : [])),
  );
  const entryProps = { ctx, articleUrl, timeZone, now };
  return (
    <section
      class="liveblog"
      id="updates"
      aria-labelledby="lb-updates-title"
      data-liveblog={view.articleId}
      data-live={view.live ? 'true' : 'false'}
      data-page={view.page}
    >
      <LiveStatus live={view.live} endedAt={view.endedAt} timeZone={timeZone} />
      <nav class="lb-key-events" aria-labelledby="lb-key-title" hidden={view.keyEvents.length === 0}>
        <h2 id="lb-key-title">Key events</h2>
        <ol>
          {view.keyEvents.map((event) => (
            <KeyEventItem
              event={event}
              href={`${shown.has(event.id) ? '' : entryPath(articleUrl, event.id)}#${entryAnchor(event.id)}`}
              timeZone={timeZone}
              now={now}
            />
          ))}
        </ol>
      </nav>
      <h2 id="lb-updates-title" class="lb-updates-title">
        {view.page > 1 ? `Older updates (page ${view.page} of ${view.pageCount})` : 'Latest updates'}
      </h2>
      <p class="lb-announcer visually-hidden" aria-live="polite" aria-atomic="true" />
      <div class="lb-new" hidden>
        <button type="button" class="lb-new-button">
          Show new updates
        </button>
      </div>
      {view.highlighted && (
        <div class="lb-highlight">
          <p class="lb-highlight-note">
            You are reading one update from this live blog.{' '}
            <a href={`${articleUrl}#updates`}>See all updates</a>
          </p>
          <LiveEntryView entry={view.highlighted} highlighted {...entryProps} />
        </div>
      )}
      {view.pinned && (
        <div class="lb-pinned-slot">
          <LiveEntryView entry={view.pinned} {...entryProps} />
        </div>
      )}
      <div class="lb-entries">
        {view.entries.map((entry) => (
          <LiveEntryView entry={entry} {...entryProps} />
        ))}
      </div>
      {view.total === 0 && <p class="lb-empty">No updates yet. This page shows them as they are posted.</p>}
      {view.pageCount > 1 && (
        <nav class="lb-pages" aria-label="More updates">
          {view.page > 1 && (
            <a rel="prev" href={pageHref(articleUrl, view.page - 1)}>
              Newer updates
            </a>
          )}
          {view.page < view.pageCount && (
            <a rel="next" href={pageHref(articleUrl, view.page + 1)}>
              Older updates
            </a>
          )}
        </nav>
      )}
      <p class="lb-feed">
        <a href={`${articleUrl}/feed.xml`}>Follow this live blog in a feed reader (RSS)</a>
      </p>
    </section>
  );
}
