// A short article for the audio tests: synthesising one of these takes a second or two, where a demo
// article would take ten. It has every block the speech script must skip.
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app/wire.ts';
import { demoArticles } from '../../src/demo/content/index.ts';
import type { Block } from '../../src/modules/articles/index.ts';

export const shortHeadline = "'We will appeal': Council votes to close the old library";
export const shortStandfirst = 'Campaigners say the decision ignores the people who use it most.';
export const neverSpoken = [
  'CAPTION NEVER READ',
  'CREDIT NEVER READ',
  'EMBED NEVER READ',
  'PULL QUOTE NEVER READ',
];

export interface ShortArticle {
  id: number;
  path: string;
  /** Headlines of the articles the "Read more" line and the teaser point at (never read aloud). */
  linkedHeadlines: string[];
}

/** Rewrites one demo article (not the lead) into the short test article, straight in the database. */
export async function useShortArticle(app: App, demoIndex = 3): Promise<ShortArticle> {
  const demo = demoArticles.filter((a) => a.homePosition !== 0)[demoIndex];
  const others = demoArticles.filter((a) => a.slug !== demo?.slug).slice(0, 2);
  if (!demo || others.length < 2) throw new Error('not enough demo articles');
  const page = await app.articles.articlePage(
    { requestId: 'fixture', now: new Date() },
    demo.section,
    demo.slug,
  );
  const linked = await Promise.all(
    others.map((o) => app.articles.articlePage({ requestId: 'fixture', now: new Date() }, o.section, o.slug)),
  );
  const [readMore, teaser] = linked.map((l) => l.article);
  if (!readMore || !teaser || !page.article.image) throw new Error('fixture needs pictures and links');
  const body: Block[] = [
    {
      type: 'paragraph',
      content: [
        {
          text: 'The council voted on Tuesday to close the old library, after a debate that lasted more than four hours. ',
        },
        { text: 'Campaigners', bold: true },
        { text: ' said they would appeal.' },
      ],
    },
    {
      type: 'image',
      mediaId: page.article.image.id,
      caption: 'CAPTION NEVER READ.',
      credit: 'CREDIT NEVER READ',
    },
    { type: 'readMore', articleId: readMore.id },
    {
      type: 'quote',
      content: [{ text: 'We will keep fighting for it.' }],
      attribution: 'Jane Doe, campaign leader',
    },
    { type: 'pullquote', text: 'PULL QUOTE NEVER READ' },
    {
      type: 'paragraph',
      content: [
        { text: 'The building opened in 1997 and cost £2.5m. About 1,200 people used it each week.' },
      ],
    },
    { type: 'teaser', articleId: teaser.id, kicker: 'Watch' },
    {
      type: 'embed',
      provider: 'youtube',
      url: 'https://www.youtube.com/watch?v=abc123',
      title: 'EMBED NEVER READ',
      caption: 'EMBED NEVER READ',
    },
    { type: 'paragraph', content: [{ text: 'A final decision is expected in June.' }] },
  ];
  await app.database.db.execute(sql`
    update articles set headline = ${shortHeadline}, standfirst = ${shortStandfirst},
      body = ${JSON.stringify(body)}::jsonb, modified_at = now()
    where id = ${page.article.id}`);
  app.articles.contentChanged();
  return {
    id: page.article.id,
    path: page.article.url,
    linkedHeadlines: [readMore.headline, teaser.headline],
  };
}

/** The event the newsroom would send after publishing or updating. */
export function articleEvent(type: 'published' | 'updated' | 'unpublished', articleId: number, at: Date) {
  return { type, articleId, sectionSlugs: [], authorSlugs: [], tagSlugs: [], at };
}
