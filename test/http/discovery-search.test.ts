import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities } from '../helpers/html.ts';
import { publishArticle } from './discovery-helpers.ts';

interface JsonHit {
  url: string;
  headline: { text: string; match: boolean }[];
  snippet: { text: string; match: boolean }[];
  section: { slug: string };
  authors: string[];
}
interface JsonResults {
  query: string;
  total: number;
  page: number;
  pageCount: number;
  ignored?: string;
  results: JsonHit[];
}

const day = 86_400_000;
const now = Date.now();

/** Stories written for these tests, with words the demo newsroom never uses. */
const stories = [
  {
    slug: 'zeppelin-fleet-returns',
    headline: 'Zeppelin fleet returns to the skies over Lake Constance',
    body: ['Three airships took off on Sunday morning.'],
    section: 'world',
  },
  {
    slug: 'airship-makers-record-orders',
    headline: 'Airship makers report record orders',
    body: ['Orders rose sharply, one executive said, partly thanks to renewed interest in the zeppelin.'],
    section: 'business',
  },
  {
    slug: 'harbourmaster-resigned',
    headline: 'Harbourmaster resigned after flood inquiry criticised lock gates',
    body: ['The inquiry found that the gates had not been serviced for six years.'],
    section: 'politics',
  },
  {
    slug: 'quantum-lighthouse-phrase',
    headline: 'A quantum lighthouse for ships in fog',
    body: ['Engineers call the device a quantum lighthouse because it uses entangled photons.'],
    section: 'science',
  },
  {
    slug: 'quantum-words-apart',
    headline: 'Lighthouse keepers meet quantum physicists',
    body: ['The lighthouse keepers were unimpressed by the quantum demonstration.'],
    section: 'science',
  },
  {
    slug: 'glacier-survey-penguins',
    headline: 'Glacier survey counts penguin colonies',
    body: ['The glacier survey also counted penguin chicks.'],
    section: 'science',
  },
  {
    slug: 'glacier-retreat-measured',
    headline: 'Glacier retreat measured from orbit',
    body: ['Satellites measured the glacier’s retreat over ten years.'],
    section: 'science',
  },
  {
    slug: 'kestrel-sport',
    headline: 'Kestrel Rovers promoted after final-day win',
    body: ['Kestrel fans invaded the pitch.'],
    section: 'sport',
    authors: ['daniel-okafor'],
    daysAgo: 40,
  },
  {
    slug: 'kestrel-science',
    headline: 'Kestrel numbers rise in farmland',
    body: ['Farmers welcomed the kestrel’s return.'],
    section: 'science',
    authors: ['eleanor-marsh'],
    daysAgo: 2,
  },
  {
    slug: 'kestrel-culture',
    headline: 'Kestrel, a novel of the fens, wins first book prize',
    body: ['The judges praised Kestrel.'],
    section: 'culture',
    authors: ['eleanor-marsh'],
    daysAgo: 10,
  },
  {
    slug: 'xylophone-script-headline',
    headline: 'Xylophone <script>alert(1)</script> review',
    body: ['A <b>bold</b> xylophone recital.'],
    section: 'culture',
  },
];

for (const kind of databaseKinds) {
  describe(`search on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
      for (const [i, story] of stories.entries()) {
        await publishArticle(t.app, {
          ...story,
          publishedAt: new Date(now - (story.daysAgo ?? 0) * day - i * 60_000),
        });
      }
      // Twelve stories with one rare word, for pagination.
      for (let i = 0; i < 12; i++) {
        await publishArticle(t.app, {
          slug: `marmot-census-${i}`,
          headline: `Marmot census, valley ${i + 1}`,
          body: ['Rangers counted marmots.'],
          section: 'science',
          publishedAt: new Date(now - i * 3_600_000),
        });
      }
    });
    after(async () => {
      await t?.close();
    });
    const get = (url: string) => t.server.inject({ method: 'GET', url });
    const json = async (q: string, extra = '') => {
      const res = await get(`/search.json?q=${encodeURIComponent(q)}${extra}`);
      assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
      return res.json() as JsonResults;
    };
    const slugs = (r: JsonResults) => r.results.map((h) => h.url.split('/')[2]);

    it('ranks a headline match above a body match', async () => {
      const r = await json('zeppelin');
      assert.deepEqual(slugs(r), ['zeppelin-fleet-returns', 'airship-makers-record-orders']);
      assert.deepEqual(
        r.results[0]?.headline.filter((p) => p.match).map((p) => p.text),
        ['Zeppelin'],
        'the headline highlights the match',
      );
      assert.ok(
        r.results[1]?.snippet.some((p) => p.match && p.text === 'zeppelin'),
        'body snippet highlights',
      );
    });

    it('stems English words: "resign" finds "resigned"', async () => {
      const r = await json('resign');
      assert.ok(slugs(r).includes('harbourmaster-resigned'));
      const hit = r.results.find((h) => h.url.endsWith('harbourmaster-resigned'));
      assert.deepEqual(
        hit?.headline.filter((p) => p.match).map((p) => p.text),
        ['resigned'],
      );
    });

    it('understands quotes, minus and "or"', async () => {
      assert.deepEqual(slugs(await json('"quantum lighthouse"')), ['quantum-lighthouse-phrase']);
      assert.equal((await json('quantum lighthouse')).total, 2);
      assert.deepEqual(slugs(await json('glacier -penguin')), ['glacier-retreat-measured']);
      const either = slugs(await json('zeppelin or glacier', '&limit=8'));
      assert.ok(either.includes('zeppelin-fleet-returns'));
      assert.ok(either.includes('glacier-survey-penguins'));
    });

    it('filters by section, author and date range', async () => {
      assert.equal((await json('kestrel')).total, 3);
      assert.deepEqual(slugs(await json('kestrel', '&section=sport')), ['kestrel-sport']);
      assert.deepEqual(slugs(await json('kestrel', '&author=eleanor-marsh')).sort(), [
        'kestrel-culture',
        'kestrel-science',
      ]);
      const day = (n: number) => new Date(now - n * 86_400_000).toISOString().slice(0, 10);
      assert.deepEqual(slugs(await json('kestrel', `&from=${day(15)}&to=${day(5)}`)), ['kestrel-culture']);
      assert.deepEqual(slugs(await json('kestrel', `&to=${day(30)}`)), ['kestrel-sport']);
      assert.equal((await json('kestrel', '&section=no-such-section')).total, 0);
    });

    it('pages through results', async () => {
      const first = await json('marmot', '&limit=5');
      assert.equal(first.total, 12);
      assert.equal(first.pageCount, 3);
      const third = await json('marmot', '&limit=5&page=3');
      assert.equal(third.results.length, 2);
      const all = new Set([
        ...slugs(first),
        ...slugs(await json('marmot', '&limit=5&page=2')),
        ...slugs(third),
      ]);
      assert.equal(all.size, 12, 'no story twice, none missing');
      const html = await get('/search?q=marmot&page=2');
      assert.equal(html.statusCode, 200);
      assert.match(html.body, /<a rel="prev" href="\/search\?q=marmot">/);
      assert.match(html.body, /Page 2 of 2/);
      assert.match(decodeEntities(html.body), /12 stories for “marmot”/);
    });

    it('answers hostile or huge queries with a clear 400, in HTML and JSON', async () => {
      for (const q of [
        `${encodeURIComponent('a'.repeat(201))}`,
        'bad%00byte',
        'bell%07',
        encodeURIComponent('"" - or -'),
        encodeURIComponent('!!! ***'),
        'a&q=b',
        `x&page=0`,
        `x&page=abc`,
        `x&from=2026-02-30`,
        `x&from=2026-06-02&to=2026-06-01`,
        `x&section=${encodeURIComponent('<script>')}`,
      ]) {
        const page = await get(`/search?q=${q}`);
        assert.equal(page.statusCode, 400, `HTML ${q}`);
        assert.match(page.body, /We could not run that search/);
        assert.match(page.body, /role="alert"/);
        assert.match(page.body, /<meta name="robots" content="noindex"/);
        const api = await get(`/search.json?q=${q}`);
        assert.equal(api.statusCode, 400, `JSON ${q}`);
        const body = api.json() as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'bad_request');
        assert.ok(body.error.message.length > 10);
      }
    });

    it('never fails on odd input that is a valid search', async () => {
      for (const q of [
        "'; drop table articles; --",
        'a:* | b & !c',
        '(((((',
        '<->',
        '\\',
        'naïve café',
        '北京 天气',
        '👍 zeppelin',
        '\u202Ereversed',
        '"unclosed quote',
        'or',
        '-',
      ]) {
        const api = await get(`/search.json?q=${encodeURIComponent(q)}`);
        assert.ok([200, 400].includes(api.statusCode), `${q} gave ${api.statusCode}`);
        const page = await get(`/search?q=${encodeURIComponent(q)}`);
        assert.ok([200, 400].includes(page.statusCode), `${q} gave ${page.statusCode}`);
      }
      const count = (await t.app.database.db.execute(
        sql`select count(*)::int as n from articles`,
      )) as unknown as {
        rows: { n: number }[];
      };
      assert.ok(Number(count.rows[0]?.n) > 40, 'the articles are still there');
    });

    it('helps when nothing matches, and explains stop words', async () => {
      const none = await get('/search?q=wombat&section=sport');
      assert.equal(none.statusCode, 200);
      const html = decodeEntities(none.body);
      assert.ok(html.includes('No stories matched “wombat”'));
      assert.ok(html.includes('Search all stories for “wombat”'), 'offers to drop the filters');
      assert.match(html, /Put a phrase in quotes/);
      assert.match(html, /Latest stories/);
      const stop = await json('the and of');
      assert.equal(stop.ignored, 'stopwords');
      const stopPage = decodeEntities((await get('/search?q=the')).body);
      assert.ok(stopPage.includes('“the” is too common to search for'));
    });

    it('shows the form, filters and highlighted results on the search page', async () => {
      const empty = await get('/search');
      assert.equal(empty.statusCode, 200);
      assert.match(empty.body, /<h1 class="listing-title">Search<\/h1>/);
      assert.match(empty.body, /Search every story we have published/);
      const res = await get('/search?q=resign&section=politics');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<mark>resigned<\/mark>/);
      assert.match(res.body, /<option value="politics" selected>Politics<\/option>/);
      assert.match(res.body, /<details class="search-filters" open/);
      assert.match(res.body, /Section: Politics/);
      assert.match(res.body, /<meta name="robots" content="noindex"/);
      assert.match(res.body, /<search aria-label="Stories">/);
    });

    it('escapes article text in results: highlights are elements, never HTML from the database', async () => {
      const res = await get('/search?q=xylophone');
      assert.doesNotMatch(res.body, /<script>alert/);
      assert.match(res.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(res.body, /<b>bold<\/b>/);
      const api = await json('xylophone');
      assert.ok(
        api.results[0]?.headline.some((p) => p.text.includes('<script>')),
        'JSON carries text, not markup',
      );
    });

    it('keeps the index current: unpublished stories disappear, edits are found at once', async () => {
      assert.equal((await json('zeppelin')).total, 2);
      await t.app.database.db.execute(
        sql`update articles set status = 'unpublished' where slug = 'airship-makers-record-orders'`,
      );
      assert.deepEqual(slugs(await json('zeppelin')), ['zeppelin-fleet-returns']);
      await t.app.database.db.execute(
        sql`update articles set headline = 'Zeppelin hangar becomes a velodrome' where slug = 'glacier-retreat-measured'`,
      );
      assert.ok(slugs(await json('velodrome')).includes('glacier-retreat-measured'));
    });

    it('counts every match of a common word and ranks its newest thousand', async () => {
      // 1,001 recent stories mention "wombat" in the body; the oldest has it in the headline.
      await t.app.database.db.execute(sql`
        insert into articles (slug, status, headline, standfirst, section_id, body, published_at)
        select 'wombat-note-' || g, 'published', 'Field note ' || g, '',
          (select id from sections where slug = 'science'),
          '[{"type":"paragraph","content":[{"text":"A wombat crossed the road."}]}]'::jsonb,
          now() - g * interval '1 minute'
        from generate_series(0, 1000) g`);
      await publishArticle(t.app, {
        slug: 'wombat-burrow-archive',
        headline: 'Wombat burrows mapped by quokkologists',
        section: 'science',
        publishedAt: new Date(now - 400 * day),
      });
      const first = await json('wombat', '&limit=10');
      assert.equal(first.total, 1002, 'the count covers every match');
      assert.equal(first.pageCount, 100);
      assert.equal(first.results[0]?.url.split('/')[2], 'wombat-note-0', 'ranked among the newest 1,000');
      assert.equal(
        (await json('wombat', '&limit=10&page=100')).results.length,
        10,
        'every page readers can reach is full',
      );
      assert.deepEqual(slugs(await json('wombat quokkologists')), ['wombat-burrow-archive']);
    });
  });
}

describe('search gives identical results on PGlite and PostgreSQL', () => {
  let apps: TestApp[] = [];
  before(async () => {
    apps = await Promise.all(databaseKinds.map((kind) => startTestApp(kind)));
  });
  after(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });

  it('orders, counts and highlights the same way', async () => {
    for (const q of [
      'nato',
      'minister',
      '"prime minister"',
      'rates or inflation',
      'defence -summit',
      'housing -planning',
      'england',
      'climate',
    ]) {
      const answers = await Promise.all(
        apps.map(async (t) =>
          (await t.server.inject(`/search.json?q=${encodeURIComponent(q)}&limit=8`)).json(),
        ),
      );
      assert.ok((answers[0] as JsonResults).total > 0, `${q} finds something`);
      assert.deepEqual(answers[1], answers[0], q);
    }
  });
});
