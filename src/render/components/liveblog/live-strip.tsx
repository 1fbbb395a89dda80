import type { RunningBlog } from '../../../modules/liveblogs/index.ts';
import { noteCards } from '../../cache-tags.ts';
import type { SiteInfo } from '../../site-info.ts';
import { LiveBadge } from './live-blog.tsx';
import { entryAnchor, entryTime } from './live-entry.tsx';

/** The home page's "Live" strip: running live blogs and their latest update, above the top stories. */
export function LiveStrip({ blogs, site }: { blogs: RunningBlog[]; site: SiteInfo }) {
  if (blogs.length === 0) return null;
  noteCards(blogs.map((blog) => blog.card));
  return (
    <section class="live-strips" aria-label="Live now">
      {blogs.map(({ card, latest }) => (
        <p class="live-strip">
          <LiveBadge live />
          <a href={card.url}>{card.headline}</a>
          {latest && (
            <span class="live-strip-latest">
              <time dateTime={latest.postedAt.toISOString()}>
                {entryTime(latest.postedAt, site.timeZone, site.now)}
              </time>{' '}
              <a class="live-strip-entry" href={`${card.url}#${entryAnchor(latest.id)}`}>
                {latest.label}
              </a>
            </span>
          )}
        </p>
      ))}
    </section>
  );
}
