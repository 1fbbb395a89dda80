import type { ArticleCard } from '../../../modules/articles/index.ts';
import { formatDateline } from '../../../shared/dates.ts';

interface Props {
  articleId: number;
  headline: string;
  csrf: string;
  timeZone: string;
  hours: { hour: Date; views: number }[];
  related: ArticleCard[];
  pinned: ArticleCard[];
  excluded: ArticleCard[];
  candidates: { id: number; headline: string; section: string }[];
  q: string;
  canEdit: boolean;
}

const chart = { width: 840, height: 200, pad: 28 };

/** Hourly views as bars: drawn on the server as SVG, so it needs no script and no chart library. */
function ViewsChart({ hours, timeZone }: { hours: Props['hours']; timeZone: string }) {
  const max = Math.max(1, ...hours.map((h) => h.views));
  const total = hours.reduce((sum, h) => sum + h.views, 0);
  const barWidth = (chart.width - chart.pad) / Math.max(1, hours.length);
  const first = hours[0]?.hour;
  const last = hours.at(-1)?.hour;
  return (
    <figure class="views-chart">
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-label={`${total} views in the last ${hours.length} hours, at most ${max} in one hour`}
      >
        <line
          x1={chart.pad}
          y1={chart.height - chart.pad}
          x2={chart.width}
          y2={chart.height - chart.pad}
          class="axis"
        />
        <text x={0} y={12} class="tick">
          {max}
        </text>
        <text x={0} y={chart.height - chart.pad} class="tick">
          0
        </text>
        {hours.map((h, i) => {
          const height = ((chart.height - chart.pad - 8) * h.views) / max;
          return (
            <rect
              x={chart.pad + i * barWidth}
              y={chart.height - chart.pad - height}
              width={Math.max(1, barWidth - 1)}
              height={height}
              class="bar"
            >
              <title>{`${formatDateline(h.hour, timeZone)}: ${h.views} views`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        {total} views, hour by hour
        {first && last
          ? `, from ${formatDateline(first, timeZone)} to ${formatDateline(last, timeZone)}`
          : ''}
        . Counted without cookies; bots and reloads are left out.
      </figcaption>
    </figure>
  );
}

function StoryRow({
  card,
  action,
  label,
  csrf,
  articleId,
}: {
  card: ArticleCard | { id: number; headline: string; section: string };
  action?: string;
  label?: string;
  csrf: string;
  articleId: number;
}) {
  const section = typeof card.section === 'string' ? card.section : card.section.name;
  return (
    <li class="story-row">
      <span>
        <strong>{card.headline}</strong> <span class="row-note">{section}</span>
      </span>
      {action && label && (
        <form method="post" action={`/admin/articles/${articleId}/insights`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="target" value={String(card.id)} />
          <button type="submit" class="button small">
            {label}
          </button>
        </form>
      )}
    </li>
  );
}

/** One list of stories with the same button on each row (only for people who may edit the article). */
function StoryGroup(props: {
  p: Props;
  title: string;
  cards: ArticleCard[];
  action: string;
  label: string;
  always?: boolean;
}) {
  const { p, cards } = props;
  if (cards.length === 0 && !props.always) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul class="story-list">
        {cards.map((card) => (
          <StoryRow
            card={card}
            csrf={p.csrf}
            articleId={p.articleId}
            action={p.canEdit ? props.action : undefined}
            label={props.label}
          />
        ))}
      </ul>
    </>
  );
}

export function InsightsPage(p: Props) {
  return (
    <>
      <div class="page-head">
        <h1>{p.headline}</h1>
        <a class="button" href={`/admin/articles/${p.articleId}`}>
          Open in the editor
        </a>
      </div>
      <section aria-labelledby="views-title" class="panel">
        <h2 id="views-title">Readers, last 7 days</h2>
        <ViewsChart hours={p.hours} timeZone={p.timeZone} />
      </section>
      <section aria-labelledby="related-title" class="panel">
        <h2 id="related-title">Related stories</h2>
        <p class="intro">
          Chosen from shared words, topics and section, newest first when close. Pinned stories come first;
          excluded ones never appear. "Read more" links in the article are never repeated here.
        </p>
        <StoryGroup
          p={p}
          title="Shown to readers now"
          cards={p.related}
          action="exclude"
          label="Exclude"
          always
        />
        <StoryGroup p={p} title="Pinned" cards={p.pinned} action="unpin" label="Unpin" />
        <StoryGroup p={p} title="Excluded" cards={p.excluded} action="include" label="Allow again" />
        {p.canEdit && (
          <>
            <h3>Pin a story</h3>
            <form method="get" action={`/admin/articles/${p.articleId}/insights`} class="search-row">
              <label for="pin-q" class="visually-hidden">
                Find a story to pin
              </label>
              <input id="pin-q" name="q" type="search" value={p.q} placeholder="Find a story by headline" />
              <button type="submit" class="button">
                Find
              </button>
            </form>
            <ul class="story-list">
              {p.candidates.map((c) => (
                <StoryRow card={c} csrf={p.csrf} articleId={p.articleId} action="pin" label="Pin" />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
