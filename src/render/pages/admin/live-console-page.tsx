import type {
  BlogArticle,
  LiveBlogListRow,
  LiveBlogState,
  LiveEntry,
} from '../../../modules/liveblogs/index.ts';
import { formatDateline } from '../../../shared/dates.ts';
import type { BlockContext } from '../../components/blocks.tsx';
import { LiveEntryView } from '../../components/liveblog/live-entry.tsx';

const statusNames: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

/** The newsroom's live blogs: every article labelled "Live", running ones first. */
export function LiveListPage({ rows, timeZone }: { rows: LiveBlogListRow[]; timeZone: string }) {
  return (
    <>
      <div class="page-head">
        <h1>Live blogs</h1>
      </div>
      <p class="intro">
        An article becomes a live blog when its label is “Live” (set it in the editor). Open its console to
        post updates; readers see them within a second.
      </p>
      {rows.length === 0 ? (
        <p>No live blogs yet. Give an article the “Live” label to start one.</p>
      ) : (
        <ul class="lc-list">
          {rows.map((row) => (
            <li>
              <div>
                <a class="lc-list-title" href={`/admin/live/${row.id}`}>
                  {row.headline || 'Untitled live blog'}
                </a>
                <p class="hint">
                  {row.endedAt ? 'Ended' : row.status === 'published' ? 'Running' : statusNames[row.status]} ·{' '}
                  {row.entries === 1 ? '1 update' : `${row.entries} updates`}
                  {row.lastPost && ` · last ${formatDateline(row.lastPost, timeZone)}`}
                </p>
              </div>
              <a class="button small" href={`/admin/live/${row.id}`}>
                Open live console
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface ConsoleItemProps {
  entry: LiveEntry;
  ctx: BlockContext;
  articleUrl: string;
  timeZone: string;
  now: Date;
  canManage: boolean;
}

/** One entry as readers see it, with the quick actions under it (the island wires the buttons). */
export function ConsoleItem({ entry, canManage, ...view }: ConsoleItemProps) {
  const name = entry.title ?? `update ${formatDateline(entry.postedAt, view.timeZone).split(', ')[1] ?? ''}`;
  return (
    <li class="lc-item" data-entry-id={entry.id} data-version={entry.version}>
      <LiveEntryView entry={entry} {...view} />
      <fieldset class="lc-actions">
        <legend class="visually-hidden">{`Actions for ${name}`}</legend>
        <button type="button" class="button small" data-action="edit">
          Edit
        </button>
        <button
          type="button"
          class="button small"
          data-action="pin"
          aria-pressed={entry.pinned ? 'true' : 'false'}
        >
          Pinned
        </button>
        <button
          type="button"
          class="button small"
          data-action="key"
          aria-pressed={entry.keyEvent ? 'true' : 'false'}
        >
          Key event
        </button>
        <button type="button" class="button small" data-action="correct">
          Correct
        </button>
        {canManage && (
          <button type="button" class="button small lc-danger" data-action="delete">
            Delete
          </button>
        )}
      </fieldset>
    </li>
  );
}

export interface LiveConsoleProps {
  article: BlogArticle;
  articleUrl: string;
  state: LiveBlogState;
  items: ConsoleItemProps[];
  total: number;
  canManage: boolean;
  /** The live topic to follow for other reporters' posts. */
  topic: string;
}

/**
 * The live console: post in a few keystrokes (the text box has focus; Ctrl/Cmd+Enter posts), then the
 * blog as readers see it with quick edit, pin, key event, correct and delete. The island does the rest
 * without reloading.
 */
export function LiveConsolePage(props: LiveConsoleProps) {
  const { article, state, canManage } = props;
  const ended = state.endedAt !== null;
  return (
    <div class="live-console" data-article-id={article.id} data-topic={props.topic}>
      <div class="page-head">
        <div>
          <h1>
            <span class={`lc-state ${ended ? 'lc-state-ended' : 'lc-state-live'}`}>
              {ended ? 'Ended' : 'Live'}
            </span>{' '}
            {article.headline || 'Untitled live blog'}
          </h1>
          <p class="hint">
            <span class="lc-count">{props.total === 1 ? '1 update' : `${props.total} updates`}</span>
            {article.status === 'published' ? (
              <>
                {' · '}
                <a href={props.articleUrl} target="_blank" rel="noopener">
                  View on the site
                </a>
              </>
            ) : (
              ` · ${statusNames[article.status] ?? article.status}: readers see it once it is published`
            )}
          </p>
        </div>
        {canManage && (
          <button type="button" class="button" data-action={ended ? 'reopen' : 'end'}>
            {ended ? 'Reopen live blog' : 'End live blog'}
          </button>
        )}
      </div>
      <noscript>
        <p class="form-error">The live console needs JavaScript.</p>
      </noscript>
      <form class="lc-compose panel" data-mode="post" aria-labelledby="lc-compose-title">
        <h2 id="lc-compose-title">{ended ? 'This live blog has ended' : 'New update'}</h2>
        <div class="field">
          <label for="lc-title">Title (optional)</label>
          <input id="lc-title" name="title" type="text" maxLength={200} autocomplete="off" />
        </div>
        <div class="field">
          <label for="lc-text">Update</label>
          <textarea id="lc-text" name="text" rows={6} required aria-describedby="lc-help" disabled={ended} />
          <p class="hint" id="lc-help">
            A blank line starts a new paragraph. **bold**, *italic*, [link text](https://…), “- ” for a list,
            “&gt; ” for a quote. Ctrl+Enter (⌘+Enter) posts.
          </p>
        </div>
        <div class="field lc-correction-field" hidden>
          <label for="lc-correction">Correction note (shown to readers)</label>
          <input id="lc-correction" name="correction" type="text" maxLength={1000} />
        </div>
        <div class="lc-options">
          <label>
            <input type="checkbox" name="keyEvent" /> Key event
          </label>
          <label>
            <input type="checkbox" name="pinned" /> Pin to the top
          </label>
        </div>
        <div class="lc-buttons">
          <button type="submit" class="button primary" disabled={ended}>
            Post update
          </button>
          <button type="button" class="button" data-action="cancel" hidden>
            Cancel
          </button>
        </div>
        <p class="lc-message" role="status" aria-live="polite" />
      </form>
      <section aria-labelledby="lc-entries-title">
        <h2 id="lc-entries-title" class="lc-entries-title">
          Updates as readers see them
        </h2>
        <ol class="lc-entries">
          {props.items.map((item) => (
            <ConsoleItem {...item} />
          ))}
        </ol>
      </section>
    </div>
  );
}
