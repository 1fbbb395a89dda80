import type { LiveEntry } from '../../../modules/liveblogs/index.ts';
import { formatDateline, formatToday } from '../../../shared/dates.ts';
import { type BlockContext, Blocks } from '../blocks.tsx';

/** The permalink of one entry: a real page for search engines and shares, not only an anchor. */
export function entryPath(articleUrl: string, entryId: number): string {
  return `${articleUrl}/updates/${entryId}`;
}

export function entryAnchor(entryId: number): string {
  return `update-${entryId}`;
}

/**
 * "14:32" in the site's time zone; the date is added when it is not the day the page shows ("21 June,
 * 23:58"), so a blog that runs past midnight stays unambiguous.
 */
export function entryTime(date: Date, timeZone: string, now: Date): string {
  const full = formatDateline(date, timeZone);
  const [day = '', time = ''] = full.split(', ');
  const today = formatToday(now, timeZone);
  return day === today ? time : `${day.replace(/ \d{4}$/, '')}, ${time}`;
}

export interface EntryProps {
  entry: LiveEntry;
  ctx: BlockContext;
  articleUrl: string;
  timeZone: string;
  now: Date;
  /** The entry a permalink points at: marked for readers and assistive technology. */
  highlighted?: boolean;
}

/** One live-blog entry, exactly as readers see it (the page, the pushed update and the console). */
export function LiveEntryView({ entry, ctx, articleUrl, timeZone, now, highlighted }: EntryProps) {
  const classes = ['lb-entry'];
  if (entry.keyEvent) classes.push('lb-key');
  if (entry.pinned) classes.push('lb-pinned');
  if (highlighted) classes.push('lb-highlighted');
  const titleId = entry.title ? `${entryAnchor(entry.id)}-title` : undefined;
  return (
    <article
      class={classes.join(' ')}
      id={entryAnchor(entry.id)}
      data-entry-id={entry.id}
      data-posted={entry.postedAt.toISOString()}
      data-version={entry.version}
      aria-labelledby={titleId}
      aria-current={highlighted ? 'true' : undefined}
    >
      <p class="lb-entry-meta">
        <a class="lb-time" href={`${entryPath(articleUrl, entry.id)}#${entryAnchor(entry.id)}`}>
          <time dateTime={entry.postedAt.toISOString()} title={formatDateline(entry.postedAt, timeZone)}>
            {entryTime(entry.postedAt, timeZone, now)}
          </time>
        </a>
        {entry.pinned && <span class="lb-flag lb-flag-pinned">Pinned</span>}
        {entry.keyEvent && <span class="lb-flag lb-flag-key">Key event</span>}
      </p>
      {entry.title && (
        <h3 class="lb-entry-title" id={titleId}>
          {entry.title}
        </h3>
      )}
      <div class="lb-entry-body article-body">
        <Blocks blocks={entry.body} ctx={ctx} />
      </div>
      {entry.corrections.map((correction) => (
        <p class="lb-correction">
          <strong>Correction</strong>{' '}
          <time dateTime={correction.at.toISOString()}>({entryTime(correction.at, timeZone, now)})</time>:{' '}
          {correction.text}
        </p>
      ))}
      {(entry.author || entry.editedAt) && (
        <p class="lb-entry-foot">
          {entry.author && (
            <a href={`/author/${entry.author.slug}`} rel="author">
              {entry.author.name}
            </a>
          )}
          {entry.author && entry.editedAt && ' · '}
          {entry.editedAt && (
            <span class="lb-edited">
              Edited{' '}
              <time dateTime={entry.editedAt.toISOString()}>{entryTime(entry.editedAt, timeZone, now)}</time>
            </span>
          )}
        </p>
      )}
    </article>
  );
}
