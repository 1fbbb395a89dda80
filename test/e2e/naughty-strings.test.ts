import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoArticles } from '../../src/demo/content/index.ts';
import { slugify } from '../../src/shared/slug.ts';
import { signedIn } from '../helpers/admin-client.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, listen } from '../helpers/browser.ts';

const require = createRequire(import.meta.url);
// The Big List of Naughty Strings: script injections, odd Unicode, SQL, template syntax, very long runs.
const naughty = (require('big-list-of-naughty-strings/blns.json') as string[]).filter(
  (s) => s.trim().length > 0,
);
// The markup-shaped ones go into every short field; the body carries the whole list.
const hostile = naughty.filter((s) => /[<>"']|javascript:|on\w+\s*=/i.test(s));
const demo = demoArticles[0];
if (!demo) throw new Error('no demo content');

/** What the page would show if any input ran as script: alerts, added scripts, event-handler attributes. */
async function injectedBehaviour(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const script of document.querySelectorAll('script')) {
      const type = script.getAttribute('type');
      if (type === 'application/ld+json' || type === 'application/json') {
        try {
          JSON.parse(script.textContent ?? '');
        } catch {
          problems.push(`broken data block ${script.id}`);
        }
      } else if (!script.src || new URL(script.src).origin !== location.origin) {
        problems.push(`unexpected script ${script.outerHTML.slice(0, 80)}`);
      }
    }
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`${element.tagName} has ${attribute.name}`);
        if (
          /^\s*(javascript|data|vbscript):/i.test(attribute.value) &&
          ['href', 'src', 'action', 'formaction'].includes(attribute.name)
        ) {
          problems.push(`${element.tagName} ${attribute.name}=${attribute.value.slice(0, 40)}`);
        }
      }
    }
    for (const tag of ['iframe', 'object', 'embed', 'svg script', 'meta[http-equiv="refresh" i]', 'base']) {
      if (document.querySelector(tag)) problems.push(`unexpected ${tag}`);
    }
    return problems;
  });
}

describe('naughty strings in every text field render inert on every page', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const urls = new Set<string>();

  before(async () => {
    t = await startTestApp('pglite');
    base = await listen(t);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('stores and publishes them through the newsroom API', async () => {
    const { client } = await signedIn(t.app, t.server, 'editor', demo.authors[0]);
    const lead = await t.app.articles.articlePage(
      { requestId: 't', now: new Date() },
      demo.section,
      demo.slug,
    );
    const mediaId = lead.article.image?.id ?? 0;
    // Eight articles, each carrying a slice of the list in every field.
    const slices = 8;
    for (let i = 0; i < slices; i++) {
      const strings = naughty.filter((_, n) => n % slices === i);
      const pick = (n: number, max: number) => (hostile[(i * 37 + n) % hostile.length] ?? 'x').slice(0, max);
      const media = await client.api('PATCH', `/admin/api/media/${mediaId}`, {
        alt: pick(1, 500) || 'alt',
        caption: pick(2, 1000),
        credit: pick(3, 200),
      });
      assert.equal(media.status, 200, media.body);
      const created = await client.request('POST', '/admin/articles', { form: { _csrf: client.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      const article = (await client.api('GET', `/admin/api/articles/${id}`)).json<{
        version: number;
        sectionId: number;
        authors: { id: number }[];
      }>();
      const headline = pick(0, 300).trim() || 'Headline';
      const saved = await client.api('PUT', `/admin/api/articles/${id}`, {
        version: article.version,
        headline,
        standfirst: pick(4, 600).trim() || 'Standfirst',
        label: 'breaking',
        sectionId: article.sectionId,
        tags: strings
          .slice(5, 9)
          .map((s) => s.slice(0, 60).trim())
          .filter((s) => slugify(s) !== ''),
        authorIds: article.authors.map((a) => a.id),
        leadMediaId: mediaId,
        slug: `naughty-${i}`,
        seoTitle: pick(9, 300),
        seoDescription: pick(10, 600),
        socialTitle: pick(11, 300),
        socialDescription: pick(12, 600),
        embargoUntil: null,
        body: [
          ...strings.map((s) => ({ type: 'paragraph', content: [{ text: s.slice(0, 20_000) }] })),
          { type: 'heading', level: 2, text: pick(13, 500) },
          { type: 'quote', content: [{ text: pick(14, 1000) }], attribution: pick(15, 500) },
          { type: 'pullquote', text: pick(16, 600).trim() || 'x', attribution: pick(17, 500) },
          { type: 'factbox', title: pick(18, 500), items: [[{ text: pick(19, 1000) }]] },
          { type: 'list', ordered: true, items: [[{ text: pick(20, 1000), bold: true }]] },
          { type: 'image', mediaId, alt: pick(21, 500), caption: pick(22, 1000), credit: pick(23, 200) },
          {
            type: 'embed',
            provider: 'youtube',
            url: 'https://www.youtube.com/watch?v=abcdefghijk',
            title: pick(24, 500),
            caption: pick(25, 1000),
          },
          { type: 'readMore', articleId: lead.article.id },
        ],
      });
      assert.equal(saved.status, 200, saved.body);
      const published = await client.api('POST', `/admin/api/articles/${id}/publish`, {
        version: saved.json<{ version: number }>().version,
      });
      assert.equal(published.status, 200, published.body);
      const live = published.json<{ version: number; url: string }>();
      const updated = await client.api('POST', `/admin/api/articles/${id}/corrections`, {
        text: `${pick(26, 900)} correction`,
      });
      assert.equal(updated.status, 200, updated.body);
      urls.add(live.url).add(`/admin/articles/${id}`).add(`/admin/articles/${id}/preview`);
      for (const tag of strings
        .slice(5, 9)
        .map((s) => slugify(s.slice(0, 60)))
        .filter(Boolean))
        urls.add(`/tag/${tag}`);
    }
    for (const url of [
      '/',
      '/latest',
      `/${demo.section}`,
      `/author/${demo.authors[0]}`,
      '/admin',
      '/admin/media',
    ])
      urls.add(url);
    const cookie = client.cookie('bs_session');
    assert.ok(cookie);
    await browser
      .contexts()[0]
      ?.close()
      .catch(() => {});
    const context = await browser.newContext();
    await context.addCookies([{ name: 'bs_session', value: cookie, url: base }]);
    const dialogs: string[] = [];
    const problems: string[] = [];
    for (const url of urls) {
      const page = await context.newPage();
      page.on('dialog', async (dialog) => {
        dialogs.push(`${url}: ${dialog.message()}`);
        await dialog.dismiss();
      });
      const res = await page.goto(`${base}${url}`, { waitUntil: 'load' });
      assert.ok(res && res.status() < 400, `${url} answered ${res?.status()}`);
      problems.push(...(await injectedBehaviour(page)).map((p) => `${url}: ${p}`));
      await page.close();
    }
    await context.close();
    assert.deepEqual(dialogs, [], 'no input ever ran as script');
    assert.deepEqual(problems, []);
  });
});
