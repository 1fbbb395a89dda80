import type { ArticleCard as Card } from '../../modules/articles/index.ts';
import { noteCards } from '../cache-tags.ts';
import type { SiteInfo } from '../site-info.ts';
import { RelativeTime } from './dates.tsx';
import { Label } from './label.tsx';
import { ResponsiveImage } from './responsive-image.tsx';

type Variant = 'lead' | 'top' | 'standard' | 'compact';

interface Props {
  card: Card;
  site: SiteInfo;
  variant: Variant;
  /** Heading level of the headline, to keep the page outline in order. */
  level?: 2 | 3;
  showSection?: boolean;
}

const maxWidthByVariant: Record<Variant, number> = { lead: 1600, top: 960, standard: 960, compact: 480 };

const sizesByVariant: Record<Variant, string> = {
  lead: '(min-width: 1024px) 640px, 100vw',
  top: '(min-width: 1024px) 300px, (min-width: 640px) 45vw, 100vw',
  standard: '(min-width: 1024px) 280px, (min-width: 640px) 30vw, 100vw',
  compact: '120px',
};

/** One story in a list: the whole card is one link target, labelled by its headline. */
export function ArticleCard({ card, site, variant, level = 3, showSection = false }: Props) {
  const Heading = `h${level}` as 'h2' | 'h3';
  noteCards([card]);
  return (
    <article class={`card card-${variant}`}>
      {card.image && (
        <div class="card-media">
          <ResponsiveImage
            image={card.image}
            sizes={sizesByVariant[variant]}
            maxWidth={maxWidthByVariant[variant]}
            priority={variant === 'lead'}
          />
        </div>
      )}
      <div class="card-body">
        <div class="card-kicker">
          <Label label={card.label} />
          {showSection && <span class="card-section">{card.section.name}</span>}
        </div>
        <Heading class="card-headline">
          <a href={card.url}>{card.headline}</a>
        </Heading>
        {variant !== 'compact' && <p class="card-standfirst">{card.standfirst}</p>}
        <p class="card-meta">
          <RelativeTime date={card.publishedAt} now={site.now} timeZone={site.timeZone} />
          {variant !== 'compact' && card.authors.length > 0 && (
            <span class="card-authors"> · {card.authors.map((a) => a.name).join(' and ')}</span>
          )}
        </p>
      </div>
    </article>
  );
}
