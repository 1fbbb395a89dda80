// Reader pages cost a small, fixed number of SQL statements however many stories they show (no N+1),
// and listings stay keyset-paginated deep down. Runs with the page cache off, so every request renders.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoArticles } from '../../src/demo/content/index.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';

const lead = demoArticles.find((a) => a.homePosition === 0);
if (!lead) throw new Error('demo content has no lead story');
/** The demo story with the most "Read more" and teaser links and bylines: its page shows several cards. */
const linking = demoArticles
  .filter((a) => a !== lead)
  .map((a) => ({ a, links: a.body.filter((b) => b.type === 'readMore' || b.type === 'teaser').length }))
  .sort((x, y) => y.links + y.a.authors.length - (x.links + x.a.authors.length))[0]?.a;
if (!linking) throw new Error('demo content has no story with links');
/** Extra Politics stories, older than the demo's, so listings go past the numbered pages. */
const extraStories = 230;

/**
 * Upper bounds on statements per page once the site-wide pieces (navigation, rails, most read, related
 * lists) are in memory. Each is far below the number of cards the page shows, so one query per card (or
 * per byline) fails here at once.
 */
const warmBounds = {
  article: 2, // the article with bylines, topics, pictures and linked cards; the related stories' cards
  home: 0, // built once per content change, then from memory
  section: 1, // the cards (sections are in memory)
  latest: 1,
  tag: 2, // the topic, then its cards
  author: 3, // the author, their portrait, their cards
  deep: 1,
};

for (const kind of databaseKinds) {
  describe(`SQL statements per reader page on ${kind}`, () => {
    let t: TestApp;
    let tagSlug = '';
    let authorSlug = '';
    before(async () => {
      t = await startTestApp(kind, { env: { PAGE_CACHE: 'off' } });
      const { db } = t.app.database;
      // Give the Politics desk a long archive: older stories with a byline and a topic each.
      await db.execute(sql`
        insert into articles (slug, status, headline, standfirst, section_id, published_at)
        select 'archive-politics-' || g, 'published', 'Archive politics story ' || g, 'From the archive.',
          (select id from sections where slug = 'politics'),
          timestamptz '2020-01-01' - g * interval '1 hour'
        from generate_series(1, ${extraStories}::int) g`);
      await db.execute(sql`
        insert into article_bylines (article_id, author_id, position)
        select a.id, (select id from authors order by id limit 1), 0
        from articles a where a.slug like 'archive-politics-%'`);
      await db.execute(sql`insert into tags (slug, name) values ('archive', 'Archive')`);
      await db.execute(sql`
        insert into article_tags (article_id, tag_id, position)
        select a.id, (select id from tags where slug = 'archive'), 0
        from articles a where a.slug like 'archive-politics-%'`);
      t.app.articles.contentChanged();
      tagSlug = 'archive';
      const [author] = (
        (await db.execute(sql`select slug from authors order by id limit 1`)) as unknown as {
          rows: { slug: string }[];
        }
      ).rows;
      authorSlug = author?.slug ?? '';
    });
    after(async () => {
      await t?.close();
    });

    /** Statements one request sends, after a first request has filled the in-memory pieces. */
    async function statementsFor(url: string): Promise<{ status: number; statements: string[] }> {
      const first = await t.server.inject({ method: 'GET', url });
      assert.ok(first.statusCode < 400, `${url} answered ${first.statusCode}`);
      // Related stories are ranked in the background after a first view; let that finish.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await t.server.inject({ method: 'GET', url });
      const { result, statements } = await t.app.database.queries.record(() =>
        t.server.inject({ method: 'GET', url }),
      );
      return { status: result.statusCode, statements };
    }

    function assertAtMost(statements: string[], bound: number, page: string): void {
      assert.ok(
        statements.length <= bound,
        `${page} sent ${statements.length} statements (at most ${bound}):\n${statements.join('\n---\n')}`,
      );
    }

    it('an article page costs at most a few statements, however many links and bylines it has', async () => {
      for (const story of [lead, linking]) {
        const { status, statements } = await statementsFor(`/${story.section}/${story.slug}`);
        assert.equal(status, 200);
        assertAtMost(statements, warmBounds.article, `article ${story.slug}`);
      }
    });

    it('the home page is served from memory until content changes, and rebuilt in a few statements', async () => {
      const warm = await statementsFor('/');
      assert.equal(warm.status, 200);
      assertAtMost(warm.statements, warmBounds.home, 'home');
      t.app.articles.contentChanged();
      const { statements } = await t.app.database.queries.record(() =>
        t.server.inject({ method: 'GET', url: '/' }),
      );
      // Curated stories, section blocks, the latest column, navigation, "most read" (counts, then cards)
      // and the live blogs on the front (which are live, their latest entries).
      assertAtMost(statements, 8, 'home after a change');
    });

    it('listing pages cost one statement for twenty cards, at the top and deep down', async () => {
      const pages = {
        section: '/politics',
        latest: '/latest',
        tag: `/tag/${tagSlug}`,
        author: `/author/${authorSlug}`,
      } as const;
      for (const [page, url] of Object.entries(pages)) {
        const { status, statements } = await statementsFor(url);
        assert.equal(status, 200, url);
        assertAtMost(statements, warmBounds[page as keyof typeof pages], page);
        // No statement on a reader listing skips rows with OFFSET past the numbered pages.
        for (const statement of statements) assert.doesNotMatch(statement, /offset \$\d+/i, url);
      }
      const tenth = await t.server.inject({ method: 'GET', url: '/politics?page=10' });
      const older = /<a rel="next" href="\/politics\?before=(\d+)">/.exec(tenth.body);
      assert.ok(older, 'page 10 links onward with a cursor');
      const deep = await statementsFor(`/politics?before=${older[1]}`);
      assert.equal(deep.status, 200);
      assertAtMost(deep.statements, warmBounds.deep, 'a keyset page');
      for (const statement of deep.statements) assert.doesNotMatch(statement, /offset/i);
    });

    it('walks past the numbered pages with cursors, forwards and back, with no story twice', async () => {
      const headlines = (html: string) =>
        [...html.matchAll(/Archive politics story (\d+)/g)].map((m) => Number(m[1]));
      const seen: number[] = [];
      let url: string | undefined = '/politics';
      const visited: string[] = [];
      while (url) {
        const res: { statusCode: number; body: string } = await t.server.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 200, url);
        seen.push(...headlines(res.body));
        visited.push(url);
        url = /<a rel="next" href="([^"]+)">/.exec(res.body)?.[1]?.replaceAll('&amp;', '&');
      }
      // Every archive story once, oldest last; page numbers first, then cursors.
      assert.deepEqual(
        seen,
        Array.from({ length: extraStories }, (_, i) => i + 1),
      );
      assert.ok(visited.includes('/politics?page=10'));
      const cursorPages = visited.filter((v) => v.includes('before='));
      assert.ok(cursorPages.length >= 2, 'beyond page 10 the links are cursors');
      // "Newer" from a cursor page shows the stories just above it.
      const deepest = cursorPages.at(-1) ?? '';
      const deepPage = await t.server.inject({ method: 'GET', url: deepest });
      const newerHref = /<a rel="prev" href="([^"]+)">/.exec(deepPage.body)?.[1];
      assert.match(newerHref ?? '', /^\/politics\?after=\d+$/);
      const firstShown = headlines(deepPage.body)[0] ?? 0;
      const newer = headlines((await t.server.inject({ method: 'GET', url: newerHref ?? '' })).body);
      assert.equal(newer.length, 20);
      assert.equal(newer.at(-1), firstShown - 1, 'the newer page ends just above the cursor page');
    });

    it('sends readers who go too far back to a page with stories', async () => {
      const past = await t.server.inject({ method: 'GET', url: '/politics?page=11' });
      assert.equal(past.statusCode, 302);
      assert.equal(past.headers.location, '/politics?page=10');
      const short = await t.server.inject({ method: 'GET', url: '/world?page=7' });
      assert.equal(short.statusCode, 302);
      assert.match(String(short.headers.location), /^\/world(\?page=[1-9])?$/);
      const nowhere = await t.server.inject({ method: 'GET', url: '/politics?before=2147483647' });
      assert.equal(nowhere.statusCode, 302);
      assert.equal(nowhere.headers.location, '/politics');
      const top = await t.server.inject({ method: 'GET', url: `/latest?after=${2_147_483_000}` });
      assert.equal(top.statusCode, 302);
      assert.equal(top.headers.location, '/latest');
    });
  });
}
