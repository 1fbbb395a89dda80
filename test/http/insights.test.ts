import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoArticles } from '../../src/demo/content/index.ts';
import { signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities } from '../helpers/html.ts';

const lead = demoArticles.find((a) => a.homePosition === 0);
const other = demoArticles.find((a) => a.section === 'sport');
if (!lead || !other) throw new Error('demo content missing');

for (const kind of databaseKinds) {
  describe(`article insights on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });

    it('shows readers per hour and lets editors pin and exclude related stories', async () => {
      const { client } = await signedIn(t.app, t.server, 'editor');
      const page = await t.app.articles.articlePage(
        { requestId: 't', now: new Date() },
        lead.section,
        lead.slug,
      );
      const target = await t.app.articles.articlePage(
        { requestId: 't', now: new Date() },
        other.section,
        other.slug,
      );
      const url = `/admin/articles/${page.article.id}/insights`;
      const view = await client.request('GET', url);
      assert.equal(view.status, 200);
      assert.match(
        view.body,
        /<svg viewBox="0 0 840 200" role="img" aria-label="\d+ views in the last \d+ hours/,
      );
      const pin = await client.request('POST', url, {
        form: { _csrf: client.csrf, action: 'pin', target: String(target.article.id) },
      });
      assert.equal(pin.status, 303);
      const articleHtml = decodeEntities((await t.server.inject({ url: page.article.url })).body);
      const related = articleHtml.slice(articleHtml.indexOf('Related stories'));
      assert.ok(related.includes(other.headline), 'a pinned story is shown among the related stories');
      await client.request('POST', url, {
        form: { _csrf: client.csrf, action: 'exclude', target: String(target.article.id) },
      });
      const after = decodeEntities((await t.server.inject({ url: page.article.url })).body);
      assert.ok(
        !after
          .slice(after.indexOf('Related stories'), after.indexOf('More Latest News'))
          .includes(other.headline),
      );
      const bad = await client.request('POST', url, {
        form: { _csrf: client.csrf, action: 'explode', target: '1' },
      });
      assert.equal(bad.status, 400);
    });

    it('keeps other reporters out', async () => {
      const { client } = await signedIn(t.app, t.server, 'reporter');
      const page = await t.app.articles.articlePage(
        { requestId: 't', now: new Date() },
        lead.section,
        lead.slug,
      );
      assert.equal((await client.request('GET', `/admin/articles/${page.article.id}/insights`)).status, 403);
    });
  });
}
