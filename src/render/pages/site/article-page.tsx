import type { ArticleCard, ArticlePageData } from '../../../modules/articles/index.ts';
import { type SentenceMarks, unitKey } from '../../../modules/audio/index.ts';
import { noteCacheTags } from '../../cache-tags.ts';
import { AudioPlayer, type AudioPlayerProps } from '../../components/audio-player.tsx';
import { Blocks, SentenceText } from '../../components/blocks.tsx';
import { Dateline } from '../../components/dates.tsx';
import { Figure } from '../../components/figure.tsx';
import { Label } from '../../components/label.tsx';
import { LatestRail } from '../../components/latest-rail.tsx';
import { LiveBadge, LiveBlog } from '../../components/liveblog/live-blog.tsx';
import { type LivePage, liveBlogMeta } from '../../components/liveblog/live-meta.ts';
import { ResponsiveImage } from '../../components/responsive-image.tsx';
import { MostReadRail, RelatedStories } from '../../components/story-list.tsx';
import { SiteLayout } from '../../layouts/site-layout.tsx';
import type { PageMeta, SiteInfo } from '../../site-info.ts';
import { breadcrumbJsonLd, newsArticleJsonLd, shareImage } from '../../structured-data.ts';

export function articleMeta(site: SiteInfo, { article }: ArticlePageData): PageMeta {
  const modified = article.publicUpdatedAt ?? article.publishedAt;
  return {
    title: article.seoTitle ?? article.headline,
    description: article.seoDescription ?? article.standfirst,
    path: article.url,
    ogType: 'article',
    socialTitle: article.socialTitle ?? undefined,
    socialDescription: article.socialDescription ?? undefined,
    authorUrls: article.authors.map((a) => `${site.url}/author/${a.slug}`),
    oembed: `${site.url}/oembed?url=${encodeURIComponent(`${site.url}${article.url}`)}&format=json`,
    scripts: site.scripts?.views ? [site.scripts.views] : undefined,
    image: article.image ? shareImage(site, article.image) : undefined,
    article: {
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: modified.toISOString(),
      section: article.section.name,
      tags: article.tags.map((t) => t.name),
    },
    jsonLd: [
      newsArticleJsonLd(site, article),
      breadcrumbJsonLd(site, [
        { name: 'Home', path: '/' },
        { name: article.section.name, path: `/${article.section.slug}` },
        { name: article.headline, path: article.url },
      ]),
    ],
  };
}

function Bylines({ data }: { data: ArticlePageData }) {
  const { authors } = data.article;
  if (authors.length === 0) return null;
  noteCacheTags(...authors.map((author) => `author:${author.slug}`));
  return (
    <div class="bylines">
      {authors.map((author) => (
        <a class="byline" href={`/author/${author.slug}`} rel="author">
          {author.portrait && (
            <ResponsiveImage
              image={author.portrait}
              alt=""
              sizes="48px"
              maxWidth={320}
              class="byline-portrait"
            />
          )}
          <span class="byline-text">
            <span class="byline-name">By {author.name}</span>
            {author.jobTitle && <span class="byline-title">{author.jobTitle}</span>}
          </span>
        </a>
      ))}
    </div>
  );
}

/** Discovery rails under the story; absent parts are simply not shown. */
export interface ArticleDiscovery {
  related: ArticleCard[];
  mostRead: ArticleCard[];
}

/** The article's recording, when there is one that says what the page says. */
export interface ArticleAudio extends AudioPlayerProps {
  marks: SentenceMarks;
}

export function ArticlePage({
  site,
  data,
  discovery,
  audio,
  live,
}: {
  site: SiteInfo;
  data: ArticlePageData;
  discovery?: ArticleDiscovery;
  audio?: ArticleAudio | null;
  /** A live blog: its entries follow the summary, and the page follows the blog's live topic. */
  live?: LivePage;
}) {
  const { article } = data;
  const marks = audio?.marks;
  const meta = articleMeta(site, data);
  return (
    <SiteLayout
      site={site}
      meta={live ? liveBlogMeta(site, data, meta, live) : meta}
      current={article.section.slug}
      liveTopics={live?.view.live ? [`liveblog:${article.id}`] : undefined}
    >
      <article class="article" data-article-id={article.id}>
        <header class="article-header">
          <p class="article-kicker">
            <a class="article-section" href={`/${article.section.slug}`}>
              {article.section.name}
            </a>
            {live ? <LiveBadge live={live.view.live} /> : <Label label={article.label} />}
          </p>
          <h1 class="article-headline">
            <SentenceText text={article.headline} unit={marks?.get(unitKey.headline)} />
          </h1>
          <p class="article-standfirst">
            <SentenceText text={article.standfirst} unit={marks?.get(unitKey.standfirst)} />
          </p>
          <p class="article-dates">
            <Dateline date={article.publishedAt} timeZone={site.timeZone} />
            {article.publicUpdatedAt && (
              <>
                {' · '}
                <span class="updated">
                  <Dateline date={article.publicUpdatedAt} timeZone={site.timeZone} prefix="Updated " />
                </span>
              </>
            )}
          </p>
        </header>
        {article.image && (
          <Figure class="lead-figure" caption={article.image.caption} credit={article.image.credit}>
            <ResponsiveImage image={article.image} sizes="(min-width: 1024px) 760px, 100vw" priority />
          </Figure>
        )}
        <Bylines data={data} />
        {audio && <AudioPlayer audio={audio} />}
        {article.updateNote && article.publicUpdatedAt && (
          <p class="update-note">
            <strong>Update:</strong> {article.updateNote}
          </p>
        )}
        <div class="article-body">
          <Blocks blocks={article.body} ctx={marks ? { ...data, sentences: marks } : data} />
        </div>
        {live && (
          <LiveBlog
            view={live.view}
            ctx={data}
            articleUrl={article.url}
            timeZone={site.timeZone}
            now={site.now}
          />
        )}
        {article.corrections.length > 0 && (
          <section class="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">Corrections</h2>
            <ul>
              {article.corrections.map((c) => (
                <li>
                  <Dateline date={c.correctedAt} timeZone={site.timeZone} />: {c.text}
                </li>
              ))}
            </ul>
          </section>
        )}
        {article.tags.length > 0 && (
          <nav class="tags" aria-label="Topics">
            <ul>
              {article.tags.map((tag) => (
                <li>
                  <a href={`/tag/${tag.slug}`}>{tag.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </article>
      {discovery && <RelatedStories cards={discovery.related} site={site} />}
      <LatestRail cards={data.latest} site={site} />
      {discovery && <MostReadRail cards={discovery.mostRead.filter((c) => c.id !== article.id)} />}
    </SiteLayout>
  );
}
