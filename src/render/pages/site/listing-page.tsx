import type { ComponentChildren } from 'preact';
import type { ArticleListing } from '../../../modules/articles/index.ts';
import { ArticleCard } from '../../components/article-card.tsx';
import { Pagination, pageHref } from '../../components/pagination.tsx';
import { SiteLayout } from '../../layouts/site-layout.tsx';
import type { PageMeta, SiteInfo } from '../../site-info.ts';

interface Props {
  site: SiteInfo;
  /** Listing name, e.g. "Politics" or "Latest news". */
  title: string;
  description: string;
  basePath: string;
  page: ArticleListing;
  current?: string;
  /** What sits above the list: the author's profile, a section description. */
  intro?: ComponentChildren;
  kicker?: string;
  jsonLd?: object[];
  showSection?: boolean;
}

export function ListingPage(props: Props) {
  const { site, page, basePath } = props;
  const { position } = page;
  const suffix =
    'page' in position ? (position.page > 1 ? ` (page ${position.page})` : '') : ' (older stories)';
  const meta: PageMeta = {
    title: `${props.title}${suffix}`,
    description: props.description,
    path: pageHref(basePath, position),
    jsonLd: props.jsonLd,
    noindex: page.items.length === 0,
  };
  return (
    <SiteLayout site={site} meta={meta} current={props.current}>
      <header class="listing-header">
        {props.kicker && <p class="listing-kicker">{props.kicker}</p>}
        <h1 class="listing-title">{props.title}</h1>
        {props.intro}
      </header>
      {page.items.length === 0 ? (
        <p class="empty">Nothing has been published here yet.</p>
      ) : (
        <div class="listing">
          {page.items.map((card) => (
            <ArticleCard
              card={card}
              site={site}
              variant="standard"
              level={2}
              showSection={props.showSection}
            />
          ))}
        </div>
      )}
      <Pagination basePath={basePath} listing={page} />
    </SiteLayout>
  );
}
