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
const lead = demoArticles.find((a) => a.homePosition === 0);
if (!lead) throw new Error('no lead story');
const widths = { phone: 390, desktop: 1280 } as const;

describe('reader pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await startTestApp('pglite');
    base = await listen(t);
    browser = await launchBrowser();
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the article as the seed page describes, at phone and desktop widths', async () => {
    for (const [name, width] of Object.entries(widths)) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${base}/${lead.section}/${lead.slug}`);
      const h1 = page.locator('h1');
      assert.equal(await h1.count(), 1);
      assert.equal((await h1.innerText()).trim(), lead.headline);
      assert.ok(await h1.isVisible());
      const dateline = page.locator('.article-dates time').first();
      assert.match(await dateline.innerText(), /^\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d$/);
      const byline = page.locator('.byline').first();
      assert.ok(await byline.isVisible());
      assert.match(await byline.innerText(), /^By /);
      assert.match(String(await byline.getAttribute('href')), /^\/author\//);
      const caption = page.locator('.lead-figure figcaption');
      assert.ok(await caption.isVisible());
      assert.ok((await caption.locator('.caption').innerText()).includes(lead.picture.caption));
      assert.equal(
        (await caption.locator('.credit').innerText()).toLowerCase(),
        `picture: ${lead.picture.credit}`.toLowerCase(),
      );
      const leadImage = page.locator('.lead-figure img');
      await leadImage.evaluate((img: HTMLImageElement) => img.decode());
      assert.ok(
        await leadImage.evaluate((img: HTMLImageElement) => img.naturalWidth > 0),
        'lead picture loaded',
      );
      const readMore = page.locator('.read-more');
      assert.equal(await readMore.count(), 2);
      for (const link of await readMore.locator('a').all()) assert.ok(await link.isVisible());
      const rail = page.locator('.rail');
      await rail.scrollIntoViewIfNeeded();
      assert.equal((await rail.locator('h2').innerText()).toLowerCase(), 'more latest news');
      assert.ok((await rail.locator('.rail-item').count()) >= 5);
      assert.ok(await rail.getByRole('link', { name: 'See more' }).isVisible());
      await loadLazyImages(page);
      await page.screenshot({ path: path.join(screenshots, `article-${name}.png`), fullPage: true });
      await page.close();
    }
  });

  it('follows a "Read more" link to the story it names', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/${lead.section}/${lead.slug}`);
    const link = page.locator('.read-more a').first();
    const headline = (await link.innerText()).trim();
    await link.click();
    await page.waitForLoadState();
    assert.equal((await page.locator('h1').innerText()).trim(), headline);
    await page.close();
  });

  it('has no axe-core violations on article, home, section, author and listing pages', async () => {
    const pages = {
      article: `/${lead.section}/${lead.slug}`,
      home: '/',
      section: '/politics',
      author: `/author/${lead.authors[0]}`,
      latest: '/latest',
      notfound: '/politics/no-such-story',
    };
    const problems: string[] = [];
    for (const [name, url] of Object.entries(pages)) {
      for (const [size, width] of Object.entries(widths)) {
        for (const colorScheme of ['light', 'dark'] as const) {
          // bypassCSP lets the test inject axe-core; the site's own policy stays strict.
          const page = await browser.newPage({
            viewport: { width, height: 900 },
            colorScheme,
            bypassCSP: true,
          });
          await page.goto(`${base}${url}`);
          for (const v of await axeViolations(page)) {
            problems.push(
              `${name} ${size} ${colorScheme}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          }
          if (name !== 'article' && colorScheme === 'light') {
            if (size === 'phone') await loadLazyImages(page);
            await page.screenshot({
              path: path.join(screenshots, `${name}-${size}.png`),
              fullPage: size === 'phone',
            });
          }
          if (name === 'article' && colorScheme === 'dark' && size === 'desktop') {
            await page.screenshot({ path: path.join(screenshots, 'article-desktop-dark.png') });
          }
          await page.close();
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('reads completely with JavaScript turned off', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/${lead.section}/${lead.slug}`);
    assert.equal((await page.locator('h1').innerText()).trim(), lead.headline);
    assert.ok((await page.locator('.article-body p').count()) >= 8);
    await context.close();
  });
});
