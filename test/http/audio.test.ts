import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import {
  type AudioEncoder,
  AudioRepository,
  AudioService,
  audioJobKey,
  type SpeechEngine,
  synthesizeJob,
} from '../../src/modules/audio/index.ts';
import { DiskStorage } from '../../src/platform/storage/disk-storage.ts';
import { signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  articleEvent,
  decodeMp3,
  neverSpoken,
  rmsOf,
  type ShortArticle,
  shortHeadline,
  useShortArticle,
} from '../helpers/audio-fixture.ts';
import { decodeEntities } from '../helpers/html.ts';

for (const kind of databaseKinds) {
  describe(`article audio on ${kind}`, () => {
    let t: TestApp;
    let now = new Date();
    let article: ShortArticle;
    let url = '';
    /** Articles whose published recording changed, as the page cache hears it. */
    const changed: number[] = [];
    const get = (address: string, headers: Record<string, string> = {}) =>
      t.server.inject({ method: 'GET', url: address, headers });
    /** The file on disk behind a recording's public address. */
    const fileOf = (address: string) =>
      path.join(t.app.config.mediaDir, address.replace(/^\/audio\//, 'audio/'));

    before(async () => {
      t = await startTestApp(kind, { clock: () => now });
      article = await useShortArticle(t.app);
      t.app.audio.onRecordingChanged((id) => changed.push(id));
    });
    after(async () => {
      await t?.close();
    });

    it('records an article in the background after it is published, never during publishing', async () => {
      assert.equal((await t.app.audio.statuses([article.id]))[0]?.state, 'none');
      await t.app.articleEvents.emit(articleEvent('published', article.id, now));
      const pending = await t.app.jobs.pending(audioJobKey(article.id));
      assert.ok(pending, 'a synthesis job is queued');
      assert.equal(pending.kind, synthesizeJob);
      assert.equal((await t.app.audio.statuses([article.id]))[0]?.state, 'pending');
      assert.equal(
        await t.app.jobs.runDue(),
        0,
        'it waits a moment, so a quick fix after publishing makes one recording',
      );
      // Meanwhile the page (without audio) goes into the page cache; the new recording must take it out.
      for (let i = 0; i < 2; i++) assert.ok(!(await get(article.path)).body.includes('class="listen"'));
      now = new Date(now.getTime() + 3000);
      assert.equal(await t.app.jobs.runDue(), 1);
      const [status] = await t.app.audio.statuses([article.id]);
      assert.equal(status?.state, 'ready');
      assert.ok(status?.track);
      assert.ok(status.current);
      url = `/audio/${article.id}/${status.track.version}.mp3`;
      assert.ok(existsSync(fileOf(url)));
      assert.deepEqual(changed, [article.id], 'the page cache hears that the article now has audio');
      assert.match(
        (await get(article.path)).body,
        /class="listen"/,
        'the cached page without audio was purged',
      );
    });

    it('speaks the headline, standfirst and body, never captions, embeds, teasers or "Read more" lines', async () => {
      const page = await t.app.articles.publishedById(article.id);
      assert.ok(page);
      const script = t.app.audio.scriptOf(page);
      const spoken = script.sentences.map((s) => s.spoken).join(' ');
      assert.match(spoken, /^We will appeal: Council votes to close the old library/);
      assert.match(spoken, /Campaigners say the decision ignores/);
      assert.match(spoken, /nineteen ninety-seven and cost two point five million pounds/);
      assert.match(spoken, /one thousand two hundred people/);
      assert.match(spoken, /Jane Doe, campaign leader/);
      for (const text of [...neverSpoken, ...article.linkedHeadlines, 'Read more', 'Watch']) {
        assert.ok(!spoken.includes(text), `"${text}" is not read`);
      }
    });

    it('makes a valid MP3 of plausible length for its words, with speech in it', async () => {
      const [status] = await t.app.audio.statuses([article.id]);
      const track = status?.track;
      assert.ok(track);
      const res = await get(url);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'audio/mpeg');
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(res.headers['accept-ranges'], 'bytes');
      assert.equal(res.headers['content-encoding'], undefined, 'audio is never compressed again');
      assert.equal(res.rawPayload.length, track.bytes);
      const { samples, sampleRate, errors } = await decodeMp3(new Uint8Array(res.rawPayload));
      assert.equal(errors, 0, 'decodes without errors');
      const seconds = samples.length / sampleRate;
      assert.ok(
        Math.abs(seconds - track.durationMs / 1000) < 0.3,
        `decoded ${seconds} s, stored ${track.durationMs} ms`,
      );
      const wordsPerSecond = track.wordCount / seconds;
      assert.ok(wordsPerSecond > 1.5 && wordsPerSecond < 4.5, `${wordsPerSecond.toFixed(2)} words a second`);
      assert.ok(rmsOf(samples) > 0.02, `not silence: RMS ${rmsOf(samples).toFixed(4)}`);
    });

    it('knows when every sentence starts: increasing, covering the recording, each one audible', async () => {
      const track = (await t.app.audio.statuses([article.id]))[0]?.track;
      const page = await t.app.articles.publishedById(article.id);
      assert.ok(track && page);
      const script = t.app.audio.scriptOf(page);
      const starts = track.sentenceStarts;
      assert.equal(starts.length, script.sentences.length);
      assert.ok((starts[0] ?? -1) >= 0 && (starts[0] ?? 0) < 1000, 'the first sentence starts at once');
      for (let i = 1; i < starts.length; i++) {
        assert.ok((starts[i] ?? 0) > (starts[i - 1] ?? 0), `sentence ${i} starts after sentence ${i - 1}`);
      }
      const last = starts[starts.length - 1] ?? 0;
      assert.ok(last < track.durationMs - 500, 'the last sentence starts before the end');
      const { samples, sampleRate } = await decodeMp3(new Uint8Array((await get(url)).rawPayload));
      for (const [i, start] of starts.entries()) {
        // The half second after each start has speech in it; the recording is not just silence between.
        const from = Math.round((start / 1000) * sampleRate);
        const level = rmsOf(samples, from, from + sampleRate / 2);
        assert.ok(level > 0.01, `sentence ${i} is audible at ${start} ms (RMS ${level.toFixed(4)})`);
      }
    });

    it('serves byte ranges for seeking: 206 with the right bytes, 416 for impossible ranges', async () => {
      const whole = (await get(url)).rawPayload;
      const size = whole.length;
      const first = await get(url, { range: 'bytes=0-99' });
      assert.equal(first.statusCode, 206);
      assert.equal(first.headers['content-range'], `bytes 0-99/${size}`);
      assert.equal(first.headers['content-length'], '100');
      assert.deepEqual(first.rawPayload, whole.subarray(0, 100));
      const middle = await get(url, { range: `bytes=1000-${size - 1}` });
      assert.equal(middle.statusCode, 206);
      assert.equal(middle.headers['content-range'], `bytes 1000-${size - 1}/${size}`);
      assert.deepEqual(middle.rawPayload, whole.subarray(1000));
      const suffix = await get(url, { range: 'bytes=-500' });
      assert.equal(suffix.statusCode, 206);
      assert.deepEqual(suffix.rawPayload, whole.subarray(size - 500));
      const beyond = await get(url, { range: `bytes=${size}-` });
      assert.equal(beyond.statusCode, 416);
      assert.equal(beyond.headers['content-range'], `bytes */${size}`);
      const head = await t.server.inject({ method: 'HEAD', url });
      assert.equal(head.statusCode, 200);
      assert.equal(head.headers['content-length'], String(size));
    });

    it('refuses addresses that are not recordings', async () => {
      for (const bad of [
        `/audio/${article.id}/nothex0000000000.mp3`,
        `/audio/${article.id}/0123456789abcdef.wav`,
        '/audio/abc/0123456789abcdef.mp3',
        `/audio/${article.id}/..%2f..%2fetc%2fpasswd`,
        '/audio/999999/0123456789abcdef.mp3',
      ]) {
        assert.equal((await get(bad)).statusCode, 404, bad);
      }
    });

    it('shows "Listen to this article" with its duration on the page, and marks the sentences', async () => {
      const res = await get(article.path);
      assert.equal(res.statusCode, 200);
      const html = decodeEntities(res.body);
      assert.match(html, /<section class="listen" aria-labelledby="listen-title"/);
      assert.match(html, /Listen to this article/);
      assert.ok(!/Loading audio/i.test(html));
      assert.match(
        html,
        /<time datetime="PT\d+S">\d+ sec<\/time>|<time datetime="PT\d+M\d*S?">\d+ min( \d+ sec)?<\/time>/,
      );
      assert.ok(
        html.includes(`<audio class="listen-native" controls preload="none" src="${url}">`),
        'a native player',
      );
      assert.match(res.body, /<script type="module" src="\/assets\/player\.[0-9a-f]{12}\.js"><\/script>/);
      const data = /<script type="application\/json" class="listen-data">([^<]*)<\/script>/.exec(
        res.body,
      )?.[1];
      assert.ok(data, 'timings as a JSON data block, not an inline script');
      const track = (await t.app.audio.statuses([article.id]))[0]?.track;
      assert.deepEqual(JSON.parse(data).starts, track?.sentenceStarts);
      const marked = [...res.body.matchAll(/<span data-s="(\d+)">/g)].map((m) => Number(m[1]));
      assert.deepEqual(
        marked,
        marked.map((_, i) => i),
        'sentences are numbered in reading order',
      );
      assert.equal(marked.length, track?.sentenceStarts.length);
      assert.match(html, /<h1 class="article-headline"><span data-s="0">'We will appeal': Council votes/);
      assert.match(html, /<strong>Campaigners<\/strong> said they would appeal.<\/span>/);
      assert.ok(!/data-s="\d+">[^<]*CAPTION NEVER READ/.test(html));
    });

    it('shows no player on pages whose audio is missing or out of date', async () => {
      const lead = (await t.app.articles.home()).lead;
      assert.ok(lead);
      const res = await get(lead.url);
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('class="listen"'));
      assert.ok(!res.body.includes('data-s='));
    });

    it('re-records when the words change, not when only metadata changes', async () => {
      const before = (await t.app.audio.statuses([article.id]))[0]?.track;
      assert.ok(before);
      await t.app.database.db.execute(
        sql`update articles set seo_title = 'Library closure', label = 'exclusive', modified_at = now() where id = ${article.id}`,
      );
      t.app.articles.contentChanged();
      await t.app.articleEvents.emit(articleEvent('updated', article.id, now));
      now = new Date(now.getTime() + 6000);
      assert.equal(await t.app.jobs.runDue(), 1);
      const same = (await t.app.audio.statuses([article.id]))[0]?.track;
      assert.equal(same?.version, before.version);
      assert.equal(same?.createdAt.getTime(), before.createdAt.getTime(), 'not synthesised again');
      assert.equal(changed.length, 1, 'no new recording, nothing to purge');

      await t.app.database.db.execute(
        sql`update articles set standfirst = 'The library will close in the spring.', modified_at = now() where id = ${article.id}`,
      );
      t.app.articles.contentChanged();
      const stale = await get(article.path);
      assert.ok(!stale.body.includes('class="listen"'), 'old audio is not offered for new words');
      await t.app.articleEvents.emit(articleEvent('updated', article.id, now));
      now = new Date(now.getTime() + 6000);
      assert.equal(await t.app.jobs.runDue(), 1);
      const after = (await t.app.audio.statuses([article.id]))[0]?.track;
      assert.ok(after && after.version !== before.version);
      const moved = await get(url);
      assert.equal(moved.statusCode, 302, 'the old address points at the new recording');
      assert.equal(moved.headers.location, `/audio/${article.id}/${after.version}.mp3`);
      assert.ok(!existsSync(fileOf(url)), 'the replaced recording is deleted from disk');
      url = `/audio/${article.id}/${after.version}.mp3`;
      assert.ok(existsSync(fileOf(url)));
      assert.deepEqual(changed, [article.id, article.id]);
      assert.match((await get(article.path)).body, /class="listen"/);
    });

    it('sends the newest recording when another instance replaced the one this instance remembers', async () => {
      // This instance has the current recording in memory…
      assert.equal((await get(url)).statusCode, 200);
      const track = (await t.app.audio.statuses([article.id]))[0]?.track;
      assert.ok(track);
      // …while another instance records it again under a new version and deletes the old file.
      const version = 'fedcba9876543210';
      const replacement = `/audio/${article.id}/${version}.mp3`;
      copyFileSync(fileOf(url), fileOf(replacement));
      await t.app.database.db.execute(
        sql`update article_audio set version = ${version}, storage_key = ${`audio/${article.id}/${version}.mp3`} where article_id = ${article.id}`,
      );
      unlinkSync(fileOf(url));
      const old = await get(url);
      assert.equal(old.statusCode, 302, 'the old address points at the new file, not a 404');
      assert.equal(old.headers.location, replacement);
      assert.equal((await get(replacement)).statusCode, 200);
      // Put things back as the rest of the tests expect them.
      copyFileSync(fileOf(replacement), fileOf(url));
      await t.app.database.db.execute(
        sql`update article_audio set version = ${track.version}, storage_key = ${track.storageKey} where article_id = ${article.id}`,
      );
      unlinkSync(fileOf(replacement));
      assert.equal((await get(replacement)).statusCode, 302);
      assert.equal((await get(url)).statusCode, 200);
    });

    it('publishes a podcast feed of article audio', async () => {
      const track = (await t.app.audio.statuses([article.id]))[0]?.track;
      assert.ok(track);
      const res = await get('/audio/feed.xml');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/rss\+xml/);
      const xml = res.body;
      assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
      assert.match(xml, /xmlns:itunes="http:\/\/www.itunes.com\/dtds\/podcast-1.0.dtd"/);
      assert.match(xml, /<itunes:category text="News"\/>/);
      const item = /<item>[\s\S]*?<\/item>/.exec(xml)?.[0] ?? '';
      assert.ok(item.includes(`<title>${shortHeadline.replace(/'/g, '&apos;')}</title>`));
      assert.ok(
        item.includes(
          `<enclosure url="http://localhost:3000${url}" length="${track.bytes}" type="audio/mpeg"/>`,
        ),
        'enclosure with absolute URL, length and type',
      );
      const seconds = Math.round(track.durationMs / 1000);
      assert.ok(item.includes(`<itunes:duration>0:${String(seconds).padStart(2, '0')}</itunes:duration>`));
      assert.match(item, /<guid isPermaLink="false">http:\/\/localhost:3000\/audio\/\d+<\/guid>/);
      assert.match(item, /<pubDate>[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT<\/pubDate>/);
      assert.match(item, /<itunes:explicit>false<\/itunes:explicit>/);
      const channel = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).rss
        .channel;
      assert.equal(channel['itunes:image']['@href'], 'http://localhost:3000/audio/artwork.png');
      assert.equal(channel.image.url, 'http://localhost:3000/brand/icon-144.png');
      assert.equal(channel['itunes:owner']['itunes:name'], t.app.config.siteName);
      assert.equal(channel['itunes:category']['@text'], 'News');
      assert.equal(channel['itunes:author'], t.app.config.siteName);
      assert.equal(channel.language, t.app.config.language.toLowerCase());
      const [logo, artwork] = await Promise.all([
        get(channel.image.url.replace('http://localhost:3000', '')),
        get('/audio/artwork.png'),
      ]);
      assert.equal(logo.statusCode, 200, 'the RSS image is served');
      assert.equal(artwork.statusCode, 200);
      assert.equal(artwork.headers['content-type'], 'image/png');
      const meta = await sharp(artwork.rawPayload).metadata();
      assert.equal(meta.width, meta.height, 'square');
      assert.ok((meta.width ?? 0) >= 1400 && (meta.width ?? 0) <= 3000, `${meta.width} px`);
    });

    it("shows the newsroom each article's audio; editors record again, administrators choose the voice", async () => {
      assert.equal((await get('/admin/audio')).statusCode, 303, 'signed-in people only');
      assert.equal((await get('/admin/api/audio')).statusCode, 401);
      const reporter = await signedIn(t.app, t.server, 'reporter');
      let listing = await reporter.client.request('GET', '/admin/audio');
      assert.equal(listing.status, 200);
      let onPage = 1;
      while (onPage < 5 && !listing.body.includes(`id="audio-${article.id}"`)) {
        onPage++;
        listing = await reporter.client.request('GET', `/admin/audio?page=${onPage}`);
      }
      assert.match(listing.body, /<h1>Audio<\/h1>/);
      assert.match(
        listing.body,
        new RegExp(`<tr id="audio-${article.id}">[\\s\\S]*?status-published"[^>]*>Ready<`),
      );
      assert.ok(!listing.body.includes('Re-record'), 'reporters cannot re-record');
      assert.equal(
        (await reporter.client.api('POST', `/admin/api/audio/${article.id}/regenerate`)).status,
        403,
      );

      const editor = await signedIn(t.app, t.server, 'editor');
      const api = await editor.client.api('GET', `/admin/api/audio?page=${onPage}`);
      assert.equal(api.status, 200);
      const body = api.json<{
        engine: string;
        voice: string;
        items: { articleId: number; state: string; audio: { url: string } | null }[];
      }>();
      assert.equal(body.engine, 'flite');
      assert.equal(body.voice, 'slt');
      const row = body.items.find((i) => i.articleId === article.id);
      assert.equal(row?.state, 'ready');
      assert.equal(row?.audio?.url, url);
      const before = (await t.app.audio.statuses([article.id]))[0]?.track;
      const noToken = await editor.client.request('POST', `/admin/audio/${article.id}/regenerate`, {
        form: {},
      });
      assert.equal(noToken.status, 403, 'CSRF token required');
      const again = await editor.client.request('POST', `/admin/audio/${article.id}/regenerate`, {
        form: { _csrf: editor.client.csrf },
      });
      assert.equal(again.status, 303);
      assert.match(String(again.headers.location), /done=regenerating#audio-\d+$/);
      assert.equal((await t.app.audio.statuses([article.id]))[0]?.state, 'pending');
      assert.equal(await t.app.jobs.runDue(), 1);
      const after = (await t.app.audio.statuses([article.id]))[0]?.track;
      assert.equal(after?.version, before?.version, 'same words and voice: same address');
      assert.ok(
        (after?.createdAt.getTime() ?? 0) > (before?.createdAt.getTime() ?? 0) ||
          after?.createdAt.getTime() === before?.createdAt.getTime(),
      );
      assert.equal((await editor.client.api('PUT', '/admin/api/audio/voice', { voice: 'awb' })).status, 403);

      const admin = await signedIn(t.app, t.server, 'administrator');
      const bad = await admin.client.api('PUT', '/admin/api/audio/voice', { voice: 'nobody' });
      assert.equal(bad.status, 400);
      const chosen = await admin.client.api('PUT', '/admin/api/audio/voice', { voice: 'awb' });
      assert.equal(chosen.status, 200);
      assert.deepEqual(chosen.json(), { voice: 'awb' });
      assert.ok(
        await t.app.jobs.pending('audio.backfill'),
        'every article is scheduled again, in the background',
      );
      assert.equal(await t.app.jobs.runDue(), 1, 'only the scheduling runs now; recordings are spaced out');
      assert.ok(await t.app.jobs.pending(audioJobKey(article.id)));
      const page = await admin.client.request('GET', '/admin/audio');
      assert.match(page.body, /<option value="awb" selected/);
      const rerecorded = await t.app.audio.synthesize(article.id);
      assert.equal(rerecorded?.voice, 'awb');
      assert.notEqual(rerecorded?.version, before?.version, 'a new voice gets a new address');
      assert.ok(!existsSync(fileOf(url)), 'the recording in the old voice is deleted');
      url = `/audio/${article.id}/${rerecorded?.version}.mp3`;
      assert.ok(existsSync(fileOf(url)));
      // The rest of the archive would be re-recorded over the next minutes; not in this test.
      await t.app.database.db.execute(
        sql`update jobs set status = 'cancelled' where kind = ${synthesizeJob} and status = 'pending'`,
      );
    });

    it('retries failures with backoff, shows them to the newsroom, and never breaks the page', async () => {
      let calls = 0;
      const broken: SpeechEngine = {
        id: 'broken',
        voices: [{ id: 'v', label: 'V', language: 'en' }],
        defaultVoice: 'v',
        synthesize: async () => {
          calls++;
          throw new Error('the speech engine is unwell');
        },
      };
      const encoder: AudioEncoder = {
        mimeType: 'audio/mpeg',
        extension: 'mp3',
        encode: async () => Buffer.alloc(0),
      };
      const failing = new AudioService(
        new AudioRepository(t.app.database.db),
        t.app.articles,
        t.app.jobs,
        new DiskStorage(t.app.config.mediaDir),
        broken,
        encoder,
        t.app.users,
        { clock: () => now, log: { info: () => {}, error: () => {} } },
      );
      t.app.jobs.register(synthesizeJob, async (payload) => {
        await failing.synthesize(Number((payload as { articleId: number }).articleId));
      });
      await t.app.database.db.execute(
        sql`update articles set standfirst = 'Words that were never recorded.', modified_at = now() where id = ${article.id}`,
      );
      t.app.articles.contentChanged();
      await failing.onArticleEvent(articleEvent('updated', article.id, now));
      now = new Date(now.getTime() + 6000);
      await t.app.jobs.runDue();
      let [status] = await t.app.audio.statuses([article.id]);
      assert.equal(calls, 1);
      assert.equal(status?.state, 'pending', 'waiting to retry');
      assert.equal(status?.attempts, 1);
      assert.equal(status?.lastError, 'the speech engine is unwell');
      assert.ok(
        status?.nextRunAt && status.nextRunAt.getTime() >= now.getTime() + 9000,
        'retried after a backoff',
      );
      for (let i = 0; i < 10 && status?.state === 'pending'; i++) {
        now = new Date(now.getTime() + 2 * 3_600_000);
        await t.app.jobs.runDue();
        [status] = await t.app.audio.statuses([article.id]);
      }
      assert.equal(status?.state, 'failed');
      assert.equal(status?.attempts, 8);
      assert.equal(calls, 8);
      assert.equal(status?.lastError, 'the speech engine is unwell');
      assert.ok(status?.track, 'the older recording is kept');
      assert.equal(status?.current, false);
      const page = await get(article.path);
      assert.equal(page.statusCode, 200, 'the article is served without a player');
      assert.ok(!page.body.includes('class="listen"'));
    });

    it('takes the audio down with the article, file and all', async () => {
      const heard = changed.length;
      assert.ok(existsSync(fileOf(url)));
      await t.app.database.db.execute(
        sql`update articles set status = 'unpublished' where id = ${article.id}`,
      );
      t.app.articles.contentChanged();
      await t.app.articleEvents.emit(articleEvent('unpublished', article.id, now));
      assert.equal((await get(url)).statusCode, 404);
      assert.equal((await t.app.audio.statuses([article.id]))[0]?.track, null);
      assert.ok(!existsSync(fileOf(url)), 'the file is deleted too');
      assert.deepEqual(changed.slice(heard), [article.id], 'the page cache hears it');
      // Unpublishing twice (or a job finding the article gone) is harmless.
      await t.app.articleEvents.emit(articleEvent('unpublished', article.id, now));
      assert.equal(changed.length, heard + 1);
      assert.ok(!(await get('/audio/feed.xml')).body.includes(`/audio/${article.id}/`));
    });
  });
}

describe('the committed player bundle', () => {
  it('is small (under 15 KB gzip) and has no eval', async () => {
    const { gzipSync } = await import('node:zlib');
    const code = readFileSync(new URL('../../public/assets/player.js', import.meta.url));
    assert.ok(gzipSync(code).length < 15 * 1024, `${gzipSync(code).length} bytes gzip`);
    assert.ok(!/\beval\(|new Function\(/.test(code.toString()));
  });
});
