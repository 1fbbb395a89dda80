import type { ArticleCard } from '../../modules/articles/index.ts';
import { noteCards } from '../cache-tags.ts';
import type { SiteInfo } from '../site-info.ts';
import { RelativeTime } from './dates.tsx';
import { Label } from './label.tsx';
import { ResponsiveImage } from './responsive-image.tsx';

/** "Related stories" under an article: a compact grid of pictures and headlines. */
export function RelatedStories({ cards, site }: { cards: readonly ArticleCard[]; site: SiteInfo }) {
  if (cards.length === 0) return null;
  noteCards(cards);
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 id="related-title" class="related-title">
        Related stories
      </h2>
      <ul class="related-list">
        {cards.map((card) => (
          <li class="related-item">
            {card.image && (
              <ResponsiveImage
                image={card.image}
                alt=""
                sizes="(min-width: 800px) 372px, (min-width: 640px) 45vw, 112px"
                maxWidth={960}
                class="related-thumb"
              />
            )}
            <div class="related-text">
              <span class="related-kicker">
                <Label label={card.label} />
                <span class="related-section">{card.section.name}</span>
              </span>
              <a class="related-link" href={card.url}>
                {card.headline}
              </a>
              <RelativeTime date={card.publishedAt} now={site.now} timeZone={site.timeZone} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Most read": the five stories readers opened most in the last 24 hours, numbered. */
export function MostReadRail({ cards, id = 'most-read' }: { cards: readonly ArticleCard[]; id?: string }) {
  if (cards.length === 0) return null;
  noteCards(cards);
  return (
    <section class="most-read" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="most-read-title">
        Most read
      </h2>
      <ol class="most-read-list">
        {cards.map((card, index) => (
          <li class="most-read-item">
            <span class="most-read-rank" aria-hidden="true">
              {index + 1}
            </span>
            <span class="most-read-text">
              <Label label={card.label} />
              <a class="most-read-link" href={card.url}>
                {card.headline}
              </a>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
