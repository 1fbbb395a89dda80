import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoArticles } from '../../src/demo/content/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, listen, loadLazyImages } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/template.ts';

const screenshots = path.join(projectRoot, 'test-results', 'screenshots');
const widths = { phone: 390, desktop: 1280 } as const;
const lead = demoArticles.find((a) => a.homePosition === 0);
if (!lead) throw new Error('no lead story');
const leadPath = `/${lead.section}/${lead.slug}`;
const reader =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

describe('discovery in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await startTestApp('pglite');
    base = await listen(t);
    // Some readers, so "Most read" has something to show (headless Chromium itself is never counted).
    const ctx = { requestId: 'e2e', now: new Date() };
    for (const [i, demo] of demoArticles.slice(0, 7).entries()) {
      const { article } = await t.app.articles.articlePage(ctx, demo.section, demo.slug);
      for (let n = 0; n < 9 - i; n++)
        t.app.views.record({ articleId: article.id, userAgent: reader, client: `r${n}` });
    }
    await t.app.views.flush();
    t.app.views.invalidate();
    browser = await launchBrowser();
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('suggests stories as the reader types, by keyboard as well as by pointer', async () => {
    for (const [name, width] of Object.entries(widths)) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${base}/`);
      const input = page.locator('#masthead-q');
      assert.equal(await input.getAttribute('role'), 'combobox', 'the island enhanced the form');
      await input.fill('nato');
      const list = page.locator('.suggest-list');
      await list.waitFor({ state: 'visible' });
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      const options = list.locator('[role="option"]');
      assert.equal(await options.count(), 6, 'five stories and "see all"');
      assert.equal(await list.locator('mark').first().innerText(), 'NATO');
      assert.match(
        await page.locator('form[data-search-suggest] [role="status"]').first().innerText(),
        /5 suggestions/,
      );
      await input.press('ArrowDown');
      const first = options.first();
      assert.equal(await first.getAttribute('aria-selected'), 'true');
      assert.equal(await input.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
      await page.screenshot({ path: path.join(screenshots, `search-suggestions-${name}.png`) });
      const headline = (await first.locator('.suggest-headline').innerText()).trim();
      await Promise.all([page.waitForURL(/\/[a-z]+\/[a-z0-9-]+$/), input.press('Enter')]);
      assert.equal((await page.locator('h1').innerText()).trim(), headline);
      await page.close();
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/`);
    await page.locator('#masthead-q').fill('zz');
    await page.locator('.suggest-list').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    assert.ok(await page.locator('.suggest-list').isHidden(), 'Escape closes the list');
    await page.locator('#masthead-q').fill('nato');
    await page.locator('.suggest-all').waitFor({ state: 'visible' });
    await Promise.all([page.waitForURL(/\/search\?q=nato$/), page.locator('.suggest-all').click()]);
    assert.ok((await page.locator('.search-result').count()) >= 5);
    await page.close();
  });

  it('searches without JavaScript too', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/search`);
    await page.locator('#search-q').fill('minister');
    await Promise.all([page.waitForURL(/\/search\?q=minister/), page.locator('.search-submit').click()]);
    assert.ok((await page.locator('.search-result mark').count()) >= 1);
    await context.close();
  });

  it('shows the search page, related stories and most read as designed, with no axe-core violations', async () => {
    const pages = {
      'search-results': '/search?q=nato',
      'search-empty': '/search?q=wombat&section=sport',
      'search-error': '/search?q=---',
      search: '/search',
      article: leadPath,
      home: '/',
    };
    const problems: string[] = [];
    for (const [name, url] of Object.entries(pages)) {
      for (const [size, width] of Object.entries(widths)) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await browser.newPage({
            viewport: { width, height: 900 },
            colorScheme,
            bypassCSP: true,
          });
          const response = await page.goto(`${base}${url}`);
          assert.equal(response?.status(), name === 'search-error' ? 400 : 200, url);
          for (const v of await axeViolations(page)) {
            problems.push(
              `${name} ${size} ${colorScheme}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          }
          if (colorScheme === 'light' && name.startsWith('search')) {
            await loadLazyImages(page);
            await page.screenshot({ path: path.join(screenshots, `${name}-${size}.png`), fullPage: true });
          }
          if (colorScheme === 'light' && name === 'article') {
            await loadLazyImages(page);
            const rails = page.locator('.related');
            await rails.scrollIntoViewIfNeeded();
            assert.equal(await page.locator('.related-item').count(), 4);
            assert.ok((await page.locator('.most-read-item').count()) >= 4);
            // Page coordinates (not the viewport's): from "Related stories" to the end of "Most read".
            const top = await rails.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
            const bottom = await page
              .locator('.most-read')
              .evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
            await page.screenshot({
              path: path.join(screenshots, `article-rails-${size}.png`),
              fullPage: true,
              clip: { x: 0, y: top - 16, width, height: bottom - top + 32 },
            });
          }
          if (colorScheme === 'dark' && name === 'search-results' && size === 'desktop') {
            await page.screenshot({ path: path.join(screenshots, 'search-results-desktop-dark.png') });
          }
          await page.close();
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('does not count headless browsers as readers', async () => {
    const ctx = { requestId: 'e2e', now: new Date() };
    const target = demoArticles[20];
    assert.ok(target);
    const { article } = await t.app.articles.articlePage(ctx, target.section, target.slug);
    const page = await browser.newPage();
    const beacon = page.waitForRequest(
      (request) => request.url().endsWith('/views') && request.method() === 'POST',
    );
    await page.goto(`${base}/${target.section}/${target.slug}`);
    const sent = await beacon;
    assert.equal(
      sent.postData(),
      JSON.stringify({ id: article.id }),
      'the island sends the article id, nothing else',
    );
    await page.close();
    await t.app.views.flush();
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const chart = await t.app.views.viewsByHour(article.id, hour, new Date(hour.getTime() + 3_600_000));
    assert.equal(chart[0]?.views, 0, 'HeadlessChrome is a bot');
  });
});
