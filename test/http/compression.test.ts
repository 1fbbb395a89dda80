// Responses rendered for one request are compressed in the best encoding the client accepts, decompress
// to exactly the page, say so in Vary, and leave pictures, small bodies and cached pages alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { demoArticles } from '../../src/demo/content/index.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';

const lead = demoArticles.find((a) => a.homePosition === 0);
if (!lead) throw new Error('demo content has no lead story');
const article = `/${lead.section}/${lead.slug}`;

for (const kind of databaseKinds) {
  describe(`compression on ${kind}`, () => {
    let t: TestApp;
    let plain = '';
    before(async () => {
      t = await startTestApp(kind, { env: { PAGE_CACHE: 'off' } });
      const res = await t.server.inject({ method: 'GET', url: article });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], undefined, 'no Accept-Encoding, no encoding');
      assert.equal(res.headers.vary, 'Accept-Encoding');
      plain = res.body;
    });
    after(async () => {
      await t?.close();
    });

    const get = (url: string, acceptEncoding: string) =>
      t.server.inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });

    it('sends brotli to browsers that take it, and the bytes are the page', async () => {
      const res = await get(article, 'gzip, deflate, br');
      assert.equal(res.headers['content-encoding'], 'br');
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.equal(Number(res.headers['content-length']), res.rawPayload.length);
      assert.ok(
        res.rawPayload.length < plain.length / 3,
        `${res.rawPayload.length} of ${plain.length} bytes`,
      );
      assert.equal(brotliDecompressSync(res.rawPayload).toString(), plain);
    });

    it('falls back to gzip, and to none when every encoding is refused', async () => {
      const gzip = await get(article, 'br;q=0, gzip');
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzip.rawPayload).toString(), plain);
      const none = await get(article, 'br;q=0, gzip;q=0');
      assert.equal(none.headers['content-encoding'], undefined);
      assert.equal(none.body, plain);
    });

    it('answers HEAD with the length a GET in the same encoding has', async () => {
      const head = await t.server.inject({
        method: 'HEAD',
        url: article,
        headers: { 'accept-encoding': 'br' },
      });
      const body = await get(article, 'br');
      assert.equal(head.headers['content-encoding'], 'br');
      assert.equal(head.headers['content-length'], body.headers['content-length']);
      assert.equal(head.rawPayload.length, 0);
    });

    it('compresses feeds and scripts too, but not pictures or bodies under 1 KB', async () => {
      const feed = await get('/feed.xml', 'br');
      assert.equal(feed.statusCode, 200);
      assert.equal(feed.headers['content-encoding'], 'br');
      const script = await get('/assets/search.js', 'br');
      assert.equal(script.statusCode, 200);
      assert.equal(script.headers['content-encoding'], 'br');
      const small = await get('/robots.txt', 'br');
      assert.equal(small.statusCode, 200);
      assert.ok(small.rawPayload.length < 1024);
      assert.equal(small.headers['content-encoding'], undefined);
      const page = await get(article, 'identity');
      const picture = /src="(\/media\/[^"]+\.jpg)"/.exec(page.body)?.[1];
      assert.ok(picture, 'the article shows a picture');
      const jpeg = await get(picture, 'br, gzip');
      assert.equal(jpeg.statusCode, 200);
      assert.equal(jpeg.headers['content-encoding'], undefined);
    });
  });
}
