import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoArticles } from '../../src/demo/content/index.ts';
import { type AdminClient, signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities, jsonLdBlocks, metaContent } from '../helpers/html.ts';
import { type Parsed, parseXml, text } from './discovery-helpers.ts';

const demo = demoArticles.find((a) => a.label === 'live' && a.liveEntries);
if (!demo?.liveEntries) throw new Error('the demo content has no live blog');
const blog = demo;
const blogUrl = `/${blog.section}/${blog.slug}`;
const otherArticle = demoArticles.find((a) => a.label !== 'live');
if (!otherArticle) throw new Error('demo content missing');

interface EntryJson {
  id: number;
  version: number;
  title: string | null;
  text: string | null;
  keyEvent: boolean;
  pinned: boolean;
}

/** The entries' ids in the order the page shows them. */
function shownIds(html: string): number[] {
  return [...html.matchAll(/<article class="lb-entry[^"]*" id="update-(\d+)"/g)].map((m) => Number(m[1]));
}

function liveBlogPosting(html: string): Record<string, unknown> {
  const found = jsonLdBlocks(html).find((block) => block['@type'] === 'LiveBlogPosting');
  assert.ok(found, 'the page describes itself as a LiveBlogPosting');
  return found;
}

for (const kind of databaseKinds) {
  describe(`live blogs (${kind})`, () => {
    let t: TestApp;
    let articleId: number;
    let reporter: AdminClient;
    let otherReporter: AdminClient;
    let editor: AdminClient;
    let contributor: AdminClient;

    const page = async (url = blogUrl) => {
      const res = await t.server.inject({ url });
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      return res.body;
    };
    const entryCount = async (): Promise<number> => {
      const result = (await t.app.database.db.execute(
        sql`select count(*)::int as n from live_blog_entries where article_id = ${articleId}`,
      )) as unknown as { rows: { n: number }[] };
      return Number(result.rows[0]?.n);
    };
    const post = (client: AdminClient, body: unknown, id = articleId) =>
      client.api('POST', `/admin/api/live/${id}/entries`, body);
    const patch = (client: AdminClient, entryId: number, body: unknown) =>
      client.api('PATCH', `/admin/api/live/entries/${entryId}`, body);

    before(async () => {
      t = await startTestApp(kind);
      const found = await t.app.articles.statusBySlug(blog.slug);
      assert.ok(found);
      articleId = found.id;
      reporter = (await signedIn(t.app, t.server, 'reporter', 'tomasz-nowak')).client;
      otherReporter = (await signedIn(t.app, t.server, 'reporter')).client;
      editor = (await signedIn(t.app, t.server, 'editor')).client;
      contributor = (await signedIn(t.app, t.server, 'contributor')).client;
    });

    after(async () => {
      await t?.close();
    });

    it('shows the demo blog complete without JavaScript: summary, key events, pinned first, every entry', async () => {
      const html = await page();
      assert.match(html, /class="label label-live lb-badge"><span class="lb-dot"/);
      assert.ok(html.includes('Live: updates appear here'));
      const ids = shownIds(html);
      assert.equal(ids.length, blog.liveEntries?.length);
      const pinned = blog.liveEntries?.find((e) => e.pinned);
      assert.ok(pinned?.title);
      assert.match(html, new RegExp(`id="update-${ids[0]}"[^>]*>[\\s\\S]*?${pinned.title}`));
      const keyTitles = (blog.liveEntries ?? []).filter((e) => e.keyEvent).map((e) => e.title ?? '');
      const keyNav = /<nav class="lb-key-events"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      for (const title of keyTitles) assert.ok(decodeEntities(keyNav).includes(title), title);
      const corrected = blog.liveEntries?.find((e) => e.correction);
      assert.ok(corrected?.correction);
      assert.ok(decodeEntities(html).includes(corrected.correction.text), 'the correction note is visible');
      assert.match(html, /data-live-topics="site liveblog:\d+"/);
      assert.ok(Buffer.byteLength(html) < 60_000, `page weighs ${Buffer.byteLength(html)} bytes`);
      // The home page links to the running blog with its latest entry.
      const home = await page('/');
      assert.match(home, new RegExp(`class="live-strip"[\\s\\S]*?href="${blogUrl}"`));
    });

    it('describes the blog as LiveBlogPosting with its coverage and updates', async () => {
      const html = await page();
      const posting = liveBlogPosting(html);
      assert.equal(jsonLdBlocks(html).filter((b) => b['@type'] === 'NewsArticle').length, 0);
      assert.ok(Date.parse(String(posting.coverageStartTime)));
      assert.equal(posting.coverageEndTime, undefined, 'no end while live');
      const updates = posting.liveBlogUpdate as Record<string, unknown>[];
      assert.equal(updates.length, Math.min(10, blog.liveEntries?.length ?? 0), 'the newest ten');
      assert.deepEqual(
        updates.map((u) => Number(String(u.url).split('/').pop())),
        shownIds(html).slice(0, 10),
        'in the order the page shows them',
      );
      for (const update of updates) {
        assert.equal(update['@type'], 'BlogPosting');
        assert.ok(String(update.headline).length > 0);
        assert.ok(Date.parse(String(update.datePublished)));
        assert.ok(String(update.articleBody).length > 0);
        assert.match(String(update.url), new RegExp(`^http://localhost:3000${blogUrl}/updates/\\d+$`));
      }
    });

    it('lets reporters post, edit, correct, pin and flag entries; readers see each change', async () => {
      const before = await entryCount();
      const posted = await post(reporter, {
        title: 'Motorcades leave',
        text: 'The first motorcades are leaving.\n\nRoads reopen at **nine**, police say. [Travel news](https://example.org/travel)',
      });
      assert.equal(posted.status, 201, posted.body);
      const entry = posted.json<EntryJson>();
      assert.equal(await entryCount(), before + 1);
      let html = await page();
      assert.equal(shownIds(html)[1], entry.id, 'newest after the pinned entry');
      assert.ok(html.includes('Roads reopen at <strong>nine</strong>, police say.'));
      assert.ok(html.includes('<a href="https://example.org/travel" rel="noopener">Travel news</a>'));
      assert.ok(html.includes('>Tomasz Nowak</a>'), 'the byline is the reporter’s author');

      // Another reporter edits it: the text changes and an "Edited" marker appears.
      const edited = await patch(otherReporter, entry.id, {
        version: entry.version,
        text: 'The first motorcades are leaving the conference centre.',
      });
      assert.equal(edited.status, 200, edited.body);
      const v2 = edited.json<EntryJson>();
      assert.equal(v2.version, entry.version + 1);
      html = await page();
      assert.ok(html.includes('leaving the conference centre.'));
      assert.match(html, new RegExp(`id="update-${entry.id}"[\\s\\S]*?class="lb-edited"`));

      // A stale edit is refused and changes nothing.
      const stale = await patch(reporter, entry.id, { version: entry.version, text: 'Overwritten!' });
      assert.equal(stale.status, 409);
      assert.equal(stale.json().code, 'conflict');
      assert.ok(!(await page()).includes('Overwritten!'));

      // A correction is shown to readers with its note.
      const corrected = await patch(reporter, entry.id, {
        version: v2.version,
        correction: 'An earlier version said the roads reopen at eight.',
      });
      assert.equal(corrected.status, 200, corrected.body);
      html = decodeEntities(await page());
      assert.ok(html.includes('An earlier version said the roads reopen at eight.'));

      // Pinning moves it first and unpins the previous pinned entry; there is only ever one.
      const pinned = await patch(reporter, entry.id, {
        version: corrected.json<EntryJson>().version,
        pinned: true,
      });
      assert.equal(pinned.status, 200, pinned.body);
      html = await page();
      assert.equal(shownIds(html)[0], entry.id);
      assert.equal((html.match(/class="lb-entry[^"]*lb-pinned/g) ?? []).length, 1);

      // A key event appears in the list of key events, linking to the entry.
      const key = await patch(reporter, entry.id, {
        version: pinned.json<EntryJson>().version,
        keyEvent: true,
      });
      assert.equal(key.status, 200, key.body);
      html = await page();
      const keyNav = /<nav class="lb-key-events"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      assert.ok(keyNav.includes(`href="#update-${entry.id}"`));
      assert.ok(keyNav.includes('Motorcades leave'));

      // Each change went out to open pages as rendered HTML, in order.
      const events = await t.app.realtime.since([`liveblog:${articleId}`], 0);
      const mine = events.filter((e) => (e.data as { id?: number }).id === entry.id).map((e) => e.type);
      assert.deepEqual(mine, ['entry', 'entry-updated', 'entry-updated', 'entry-updated', 'entry-updated']);
      const last = events.at(-1)?.data as { html: string; keyEventsHtml: string };
      assert.ok(last.html.startsWith(`<article class="lb-entry lb-key lb-pinned" id="update-${entry.id}"`));
      assert.ok(last.keyEventsHtml.includes('Motorcades leave'));
    });

    it('lets only editors delete entries and end the blog', async () => {
      const posted = (await post(reporter, { text: 'This one will be deleted.' })).json<EntryJson>();
      const refused = await reporter.api('POST', `/admin/api/live/entries/${posted.id}/delete`, {
        version: posted.version,
      });
      assert.equal(refused.status, 403);
      const stale = await editor.api('POST', `/admin/api/live/entries/${posted.id}/delete`, { version: 99 });
      assert.equal(stale.status, 409);
      const deleted = await editor.api('POST', `/admin/api/live/entries/${posted.id}/delete`, {
        version: posted.version,
      });
      assert.equal(deleted.status, 204, deleted.body);
      assert.ok(!(await page()).includes('This one will be deleted.'));
      assert.equal((await t.server.inject({ url: `${blogUrl}/updates/${posted.id}` })).statusCode, 404);
      const events = await t.app.realtime.since([`liveblog:${articleId}`], 0);
      assert.ok(
        events.some((e) => e.type === 'entry-deleted' && (e.data as { id: number }).id === posted.id),
      );
      // Deleted entries stay deleted: no edit brings them back.
      assert.equal(
        (await patch(editor, posted.id, { version: posted.version + 1, title: 'Back' })).status,
        404,
      );

      assert.equal((await reporter.api('POST', `/admin/api/live/${articleId}/end`)).status, 403);
      // The blog's card in lists says "Live" while it runs, and not once it has ended.
      const cardOf = async () => {
        const html = (await t.server.inject({ url: '/latest' })).body;
        return [...html.matchAll(/<article class="card[\s\S]*?<\/article>/g)]
          .map((m) => m[0])
          .find((card) => card.includes(`href="${blogUrl}"`));
      };
      assert.match((await cardOf()) ?? '', /label-live/);
      const live = await t.server.inject({ url: blogUrl });
      assert.match(String(live.headers['cache-control']), /max-age=10\b/);
      const ended = await editor.api('POST', `/admin/api/live/${articleId}/end`);
      assert.equal(ended.status, 200, ended.body);
      assert.equal(ended.json().live, false);
      const res = await t.server.inject({ url: blogUrl });
      assert.ok(res.body.includes('This live blog has ended.'));
      assert.ok(!res.body.includes('lb-dot'), 'no pulsing dot once ended');
      assert.ok(!res.body.includes('liveblog:'), 'an ended blog follows no live topic');
      const endedCard = await cardOf();
      assert.ok(endedCard, 'the ended blog is still listed');
      assert.doesNotMatch(endedCard, /label-live/);
      assert.doesNotMatch(
        String(res.headers['cache-control']),
        /max-age=10\b/,
        'longer lifetimes once ended',
      );
      const posting = liveBlogPosting(res.body);
      assert.ok(Date.parse(String(posting.coverageEndTime)) >= Date.parse(String(posting.coverageStartTime)));
      const late = await post(reporter, { text: 'Too late.' });
      assert.equal(late.status, 409);
      assert.equal(late.json().code, 'conflict');
      // Corrections still work after the end; reopening lets reporters post again.
      assert.equal((await editor.api('POST', `/admin/api/live/${articleId}/reopen`)).status, 200);
      assert.equal((await post(reporter, { text: 'Back on air.' })).status, 201);
    });

    it('keeps every entry when two reporters post at once', async () => {
      const before = await entryCount();
      const texts = Array.from({ length: 16 }, (_, i) => `Simultaneous update number ${i + 1}.`);
      const answers = await Promise.all(
        texts.map((text, i) => post(i % 2 === 0 ? reporter : otherReporter, { text })),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        texts.map(() => 201),
      );
      assert.equal(new Set(answers.map((a) => a.json<EntryJson>().id)).size, texts.length);
      assert.equal(await entryCount(), before + texts.length);
      // Two pins at once still leave exactly one pinned entry.
      const [a, b] = answers.map((x) => x.json<EntryJson>());
      assert.ok(a && b);
      const pins = await Promise.all([
        patch(reporter, a.id, { version: a.version, pinned: true }),
        patch(otherReporter, b.id, { version: b.version, pinned: true }),
      ]);
      assert.deepEqual(
        pins.map((p) => p.status),
        [200, 200],
      );
      const pinnedRows = (await t.app.database.db.execute(
        sql`select count(*)::int as n from live_blog_entries where article_id = ${articleId} and pinned and deleted_at is null`,
      )) as unknown as { rows: { n: number }[] };
      assert.equal(Number(pinnedRows.rows[0]?.n), 1);
    });

    it('refuses bad input with a clear 4xx and changes nothing', async () => {
      const before = await entryCount();
      const cases: [unknown, number, string][] = [
        [{}, 400, 'validation_failed'],
        [{ text: '   ' }, 400, 'validation_failed'],
        [{ text: 'Click [here](javascript:alert(1))' }, 400, 'validation_failed'],
        [{ body: [{ type: 'script', src: 'x' }] }, 400, 'validation_failed'],
        [
          { body: [{ type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }] },
          400,
          'validation_failed',
        ],
        [{ text: 'Hi', title: 'x'.repeat(201) }, 400, 'validation_failed'],
        [{ text: 'Hi', keyEvent: 'yes' }, 400, 'validation_failed'],
        [{ text: 'Hi', surprise: true }, 400, 'validation_failed'],
        [{ text: 'Hi', authorId: 999_999 }, 400, 'validation_failed'],
        ['not an object', 400, 'validation_failed'],
      ];
      for (const [body, status, code] of cases) {
        const res = await post(reporter, body);
        assert.equal(res.status, status, `${JSON.stringify(body)} → ${res.body}`);
        assert.equal(res.json().code, code);
      }
      assert.equal((await post(reporter, { text: 'Hi' }, 999_999)).status, 404);
      const otherId = (await t.app.articles.statusBySlug(otherArticle.slug))?.id;
      const notLive = await post(reporter, { text: 'Hi' }, otherId);
      assert.equal(notLive.status, 409);
      assert.equal((await patch(reporter, 999_999, { version: 1, title: 'x' })).status, 404);
      assert.equal((await reporter.api('PATCH', '/admin/api/live/entries/abc', { version: 1 })).status, 404);
      // Permissions and the session: contributors, strangers, forged requests.
      assert.equal((await post(contributor, { text: 'Hi' })).status, 403);
      assert.equal((await contributor.request('GET', `/admin/live/${articleId}`)).status, 403);
      const stranger = await t.server.inject({
        method: 'POST',
        url: `/admin/api/live/${articleId}/entries`,
        payload: { text: 'Hi' },
      });
      assert.equal(stranger.statusCode, 401);
      const forged = await reporter.request('POST', `/admin/api/live/${articleId}/entries`, {
        json: { text: 'Hi' },
      });
      assert.equal(forged.status, 403);
      assert.equal(forged.json().code, 'csrf');
      assert.equal(await entryCount(), before);
      // Bad page numbers and entry ids are 4xx, never 500.
      assert.equal((await t.server.inject({ url: `${blogUrl}?page=0` })).statusCode, 400);
      assert.equal((await t.server.inject({ url: `${blogUrl}?page=999` })).statusCode, 404);
      assert.equal((await t.server.inject({ url: `${blogUrl}/updates/nope` })).statusCode, 404);
      assert.equal((await t.server.inject({ url: `${blogUrl}/updates/99999999999` })).statusCode, 404);
    });

    it('never turns hostile text into script, on the page or in pushed updates', async () => {
      const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const res = await post(reporter, { title: `"><svg onload=alert(3)>`, text: hostile });
      assert.equal(res.status, 201, res.body);
      const html = await page();
      assert.ok(!html.includes('<script>alert(1)'));
      assert.ok(!html.includes('<img src=x'));
      assert.ok(!html.includes('<svg onload'));
      assert.ok(html.includes('&lt;script>alert(1)&lt;/script>') || html.includes('&lt;script&gt;alert(1)'));
      const events = await t.app.realtime.since([`liveblog:${articleId}`], 0);
      const pushed = events.find((e) => (e.data as { id?: number }).id === res.json<EntryJson>().id);
      assert.ok(pushed, 'the entry was pushed');
      const pushedHtml = (pushed.data as { html: string }).html;
      assert.ok(!pushedHtml.includes('<script>') && !pushedHtml.includes('<img src=x'));
      assert.ok(pushedHtml.includes('&lt;script'));
      assert.ok(liveBlogPosting(html), 'the structured data still parses');
      // In structured data the title's "<" is escaped, so it cannot close the data block.
      assert.ok(html.includes('\\u003csvg onload=alert(3)>'));
    });

    it('gives each entry a permalink for search engines and shares', async () => {
      const posted = await post(reporter, {
        title: 'Permalinked update',
        text: 'Shared widely on social media.',
      });
      const entry = posted.json<EntryJson>();
      const url = `${blogUrl}/updates/${entry.id}`;
      const html = await page(url);
      assert.ok(html.includes(`<link rel="canonical" href="http://localhost:3000${url}"/>`));
      assert.equal(metaContent(html, 'og:url'), `http://localhost:3000${url}`);
      assert.equal(metaContent(html, 'og:title'), 'Permalinked update');
      assert.equal(metaContent(html, 'og:description'), 'Shared widely on social media.');
      assert.match(html, new RegExp(`id="update-${entry.id}"[^>]*aria-current="true"`));
      assert.equal(shownIds(html).filter((id) => id === entry.id).length, 1, 'shown once');
      // The main page links every entry to its permalink and anchor.
      assert.ok((await page()).includes(`href="${url}#update-${entry.id}"`));
      // An entry of another blog, or a story that is not a live blog, has no such page.
      const other = demoArticles.find((a) => a.label !== 'live');
      assert.equal(
        (await t.server.inject({ url: `/${other?.section}/${other?.slug}/updates/${entry.id}` })).statusCode,
        404,
      );
    });

    it('pages older entries and keeps the first page light', async () => {
      for (let i = 0; i < 20; i++) {
        assert.equal((await post(reporter, { text: `Filler update ${i} with a few words.` })).status, 201);
      }
      const html = await page();
      const shown = shownIds(html).length;
      assert.equal(shown, 31, 'the pinned entry and the newest 30');
      assert.ok(html.includes(`href="${blogUrl}?page=2#updates"`));
      assert.ok(Buffer.byteLength(html) < 60_000, `first page weighs ${Buffer.byteLength(html)} bytes`);
      const older = await page(`${blogUrl}?page=2`);
      assert.ok(shownIds(older).length > 0);
      assert.ok(older.includes(`<link rel="canonical" href="http://localhost:3000${blogUrl}?page=2"/>`));
      assert.deepEqual(
        shownIds(older).filter((id) => shownIds(html).includes(id)),
        [],
        'no entry on two pages',
      );
    });

    it('has its own feed of entries, and sitemaps follow the newest entry', async () => {
      const res = await t.server.inject({ url: `${blogUrl}/feed.xml` });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /application\/rss\+xml/);
      const channel: Parsed = parseXml(res.body).rss.channel;
      const items: Parsed[] = channel.item;
      assert.ok(items.length > 20);
      const links = items.map((item) => text(item.link));
      for (const link of links)
        assert.match(link, new RegExp(`^http://localhost:3000${blogUrl}/updates/\\d+$`));
      const dates = items.map((item) => Date.parse(text(item.pubDate)));
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => b - a),
        'newest first',
      );
      const otherFeed = await t.server.inject({
        url: `/${otherArticle.section}/${otherArticle.slug}/feed.xml`,
      });
      assert.equal(otherFeed.statusCode, 404);

      const posted = (await post(reporter, { text: 'The last word for the sitemap.' })).json<EntryJson>();
      const newest = (await t.app.database.db.execute(
        sql`select updated_at from live_blog_entries where id = ${posted.id}`,
      )) as unknown as { rows: { updated_at: Date | string }[] };
      const newestAt = Math.floor(new Date(newest.rows[0]?.updated_at ?? 0).getTime() / 1000) * 1000;
      const index: Parsed = parseXml((await t.server.inject({ url: '/sitemap.xml' })).body).sitemapindex;
      let lastmod: number | undefined;
      for (const loc of index.sitemap
        .map((s: Parsed) => text(s.loc))
        .filter((l: string) => l.includes('/articles-'))) {
        const urlset: Parsed = parseXml(
          (await t.server.inject({ url: loc.replace('http://localhost:3000', '') })).body,
        ).urlset;
        const url = urlset.url.find((u: Parsed) => text(u.loc).endsWith(blogUrl));
        if (url) lastmod = Date.parse(text(url.lastmod));
      }
      assert.equal(lastmod, newestAt);
      const feedAfter = parseXml((await t.server.inject({ url: `${blogUrl}/feed.xml` })).body).rss.channel;
      assert.ok(text(feedAfter.item[0].description).includes('The last word for the sitemap.'));
    });
  });
}
