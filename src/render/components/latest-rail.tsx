import type { ArticleCard } from '../../modules/articles/index.ts';
import { noteCacheTags, noteCards } from '../cache-tags.ts';
import type { SiteInfo } from '../site-info.ts';
import { RelativeTime } from './dates.tsx';
import { Label } from './label.tsx';
import { ResponsiveImage } from './responsive-image.tsx';

/** "More Latest News": the newest stories site-wide, computed when the page is rendered. */
export function LatestRail({
  cards,
  site,
  title = 'More Latest News',
}: {
  cards: ArticleCard[];
  site: SiteInfo;
  title?: string;
}) {
  if (cards.length === 0) return null;
  noteCacheTags('latest');
  noteCards(cards);
  return (
    <section class="rail" aria-labelledby="rail-title">
      <h2 id="rail-title" class="rail-title">
        {title}
      </h2>
      <ol class="rail-list">
        {cards.map((card) => (
          <li class="rail-item">
            {card.image && (
              <ResponsiveImage
                image={card.image}
                sizes="(min-width: 1024px) 200px, 112px"
                class="rail-thumb"
              />
            )}
            <div class="rail-text">
              <Label label={card.label} />
              <a class="rail-link" href={card.url}>
                {card.headline}
              </a>
              <RelativeTime date={card.publishedAt} now={site.now} timeZone={site.timeZone} />
            </div>
          </li>
        ))}
      </ol>
      <p class="rail-more">
        <a href="/latest">See more</a>
      </p>
    </section>
  );
}
