import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, listen } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/template.ts';

const screenshots = path.join(projectRoot, 'test-results', 'screenshots');
const password = 'correct horse battery staple';
const headline = 'Parliament recalled as flood defences fail along the east coast';

/** Fails the test on uncaught script errors and console errors. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
}

async function signIn(context: BrowserContext, base: string, email: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  watchErrors(page, errors);
  await page.goto(`${base}/admin/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/admin`);
  return page;
}

describe('breaking-news banner in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let articleUrl: string;
  const errors: string[] = [];
  const email = `editor.breaking.${process.pid}@example.org`;

  before(async () => {
    t = await startTestApp('pglite');
    base = await listen(t);
    articleUrl = (await t.app.articles.latest())[0]?.url ?? '';
    await t.app.users.createUser({ email, name: 'Bea Breaking', role: 'editor', password, authorId: null });
    browser = await launchBrowser();
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an editor puts up a banner: open pages show it within 2 s, accessibly, and lose it when cleared', async () => {
    const editorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(editorContext, base, email, errors);
    await admin.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Breaking' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Breaking news' }).waitFor();

    // Two readers with the home page and an article already open, at phone and desktop widths.
    const readerContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
    });
    const phone = await readerContext.newPage();
    watchErrors(phone, errors);
    await phone.goto(`${base}/`);
    const desktopContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    const desktop = await desktopContext.newPage();
    watchErrors(desktop, errors);
    await desktop.goto(`${base}${articleUrl}`);
    // Both pages' streams are open before the banner is set (the pages are "already open").
    const streams = t.server.liveHub.stats().connections;
    await phone.waitForLoadState('load');
    await desktop.waitForLoadState('load');
    for (let tries = 0; t.server.liveHub.stats().connections < 2 && tries < 100; tries++) {
      await phone.waitForTimeout(50);
    }
    assert.equal(t.server.liveHub.stats().connections, 2, `streams open (was ${streams})`);
    for (const page of [phone, desktop]) assert.equal(await page.locator('.breaking').count(), 0);

    await admin.getByLabel('Breaking news line').fill(headline);
    await admin.getByLabel('Link').fill(articleUrl);
    await admin.getByLabel('Comes down').selectOption({ label: 'In 2 hours' });
    await admin.getByRole('button', { name: 'Put up the banner' }).click();
    await admin.getByText('The banner is up on every page of the site.').waitFor();

    for (const page of [phone, desktop]) {
      const banner = page.getByRole('region', { name: 'Breaking news' });
      await banner.waitFor({ timeout: 2000 });
      assert.equal(await banner.getByRole('link').innerText(), headline);
      assert.equal(await banner.getByRole('link').getAttribute('href'), articleUrl);
      // Announced politely, without taking focus from what the reader was doing.
      await page.waitForFunction(
        (text) =>
          [...document.querySelectorAll('[role="status"]')].some(
            (el) => el.textContent === `Breaking news: ${text}`,
          ),
        headline,
      );
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
      // The banner sits at the top, before the masthead.
      const order = await page.evaluate(() => {
        const banner = document.querySelector('.breaking');
        const masthead = document.querySelector('.masthead');
        return banner && masthead
          ? banner.compareDocumentPosition(masthead) & Node.DOCUMENT_POSITION_FOLLOWING
          : 0;
      });
      assert.ok(order, 'the banner comes before the masthead');
    }
    await phone.waitForTimeout(400); // let the opening transition finish before measuring and screenshots
    for (const [page, name] of [
      [phone, 'breaking-390'],
      [desktop, 'breaking-1280'],
    ] as const) {
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 2)}`);
      await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
    }

    // A page loaded now has the banner in its HTML, with a dismiss button that works once scripts run.
    const fresh = await desktopContext.newPage();
    watchErrors(fresh, errors);
    await fresh.goto(`${base}/latest`);
    const rendered = fresh.getByRole('region', { name: 'Breaking news' });
    await rendered.waitFor();
    const dismiss = rendered.getByRole('button', { name: 'Dismiss breaking news' });
    await dismiss.click();
    await rendered.waitFor({ state: 'detached' });
    await fresh.reload();
    await fresh.locator('#breaking-slot').waitFor({ state: 'attached' });
    await fresh.waitForFunction(() => !document.querySelector('.breaking'));
    await fresh.close();

    // Without JavaScript the banner is there and complete; the dismiss button is not offered.
    const noScript = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const plain = await noScript.newPage();
    await plain.goto(`${base}/`);
    const plainBanner = plain.getByRole('region', { name: 'Breaking news' });
    assert.equal(await plainBanner.getByRole('link').innerText(), headline);
    assert.equal(await plainBanner.getByRole('button').count(), 0, 'a hidden button is not offered');
    await noScript.close();

    // Taking it down removes it from the open pages.
    await admin.getByRole('button', { name: 'Take the banner down' }).click();
    await admin.getByText('The banner has been taken down.').waitFor();
    for (const page of [phone, desktop]) {
      await page.locator('.breaking').waitFor({ state: 'detached', timeout: 2000 });
    }
    await admin.screenshot({ path: path.join(screenshots, 'breaking-admin-1280.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await Promise.all([editorContext.close(), readerContext.close(), desktopContext.close()]);
  });
});
