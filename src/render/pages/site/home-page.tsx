import type { ArticleCard as Card, HomeData } from '../../../modules/articles/index.ts';
import type { RunningBlog } from '../../../modules/liveblogs/index.ts';
import { ArticleCard } from '../../components/article-card.tsx';
import { LatestRail } from '../../components/latest-rail.tsx';
import { LiveStrip } from '../../components/liveblog/live-strip.tsx';
import { MostReadRail } from '../../components/story-list.tsx';
import { SiteLayout } from '../../layouts/site-layout.tsx';
import type { SiteInfo } from '../../site-info.ts';
import { organizationJsonLd, websiteJsonLd } from '../../structured-data.ts';

export function HomePage({
  site,
  data,
  mostRead,
  live,
}: {
  site: SiteInfo;
  data: HomeData;
  mostRead?: Card[];
  /** Running live blogs, shown as a "Live" strip above the top stories. */
  live?: RunningBlog[];
}) {
  const meta = {
    title: `${site.name}: the latest news, as it happens`,
    description: `The latest news and analysis from ${site.name}: politics, the world, business, technology, science, culture and sport.`,
    path: '/',
    jsonLd: [websiteJsonLd(site), organizationJsonLd(site)],
  };
  return (
    <SiteLayout site={site} meta={meta} current="home">
      <h1 class="visually-hidden">{site.name}: top stories</h1>
      {live && <LiveStrip blogs={live} site={site} />}
      <div class="home-top">
        <section class="home-lead" aria-label="Top stories">
          {data.lead && <ArticleCard card={data.lead} site={site} variant="lead" level={2} showSection />}
          <div class="top-grid">
            {data.top.map((card) => (
              <ArticleCard card={card} site={site} variant="top" level={2} showSection />
            ))}
          </div>
        </section>
        <aside class="home-latest">
          <LatestRail cards={data.latest} site={site} title="Latest" />
          {mostRead && <MostReadRail cards={mostRead} id="home-most-read" />}
        </aside>
      </div>
      {data.sections.map(({ section, articles }) => (
        <section class="section-block" aria-labelledby={`section-${section.slug}`}>
          <h2 class="section-block-title" id={`section-${section.slug}`}>
            <a href={`/${section.slug}`}>{section.name}</a>
          </h2>
          <div class="section-grid">
            {articles.map((card) => (
              <ArticleCard card={card} site={site} variant="standard" />
            ))}
          </div>
        </section>
      ))}
    </SiteLayout>
  );
}
