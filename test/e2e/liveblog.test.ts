import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoArticles, demoAuthors } from '../../src/demo/content/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, listen } from '../helpers/browser.ts';

const shots = process.env.LIVEBLOG_SHOTS ?? path.join(process.cwd(), 'test-results', 'screenshots');
const password = 'correct horse battery staple';
const blog = demoArticles.find((a) => a.label === 'live' && a.liveEntries);
if (!blog?.liveEntries) throw new Error('the demo content has no live blog');
const blogUrl = `/${blog.section}/${blog.slug}`;

/** Signs in through the form, as a reporter would, and returns the signed-in page. */
async function signIn(context: BrowserContext, base: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/admin/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/admin`);
  return page;
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
}

describe('live blog in the browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let articleId: number;
  const errors: string[] = [];
  const reporterEmail = `live-reporter.${process.pid}@example.org`;

  before(async () => {
    t = await startTestApp('pglite');
    base = await listen(t);
    const author = await t.app.authors.getBySlug(demoAuthors[0]?.slug ?? '');
    await t.app.users.createUser({
      email: reporterEmail,
      name: 'Rory Reporter',
      role: 'reporter',
      password,
      authorId: author.id,
    });
    const found = await t.app.articles.statusBySlug(blog.slug);
    assert.ok(found);
    articleId = found.id;
    browser = await launchBrowser();
    mkdirSync(shots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is complete without JavaScript: summary, key events, pinned entry first, every entry', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${base}${blogUrl}`);
    const entries = page.locator('.liveblog .lb-entry');
    assert.equal(await entries.count(), blog.liveEntries?.length);
    const pinned = blog.liveEntries?.find((e) => e.pinned);
    assert.equal(await entries.first().locator('.lb-entry-title').textContent(), pinned?.title);
    const keyEvents = page.getByRole('navigation', { name: 'Key events' }).getByRole('link');
    assert.equal(await keyEvents.count(), blog.liveEntries?.filter((e) => e.keyEvent).length);
    assert.ok(await page.getByText('Correction', { exact: true }).first().isVisible());
    await context.close();
  });

  it('shows an entry posted in the live console on an open reader page, without reloading', async () => {
    const readerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reader = await readerContext.newPage();
    watchErrors(reader, errors);
    await reader.goto(`${base}${blogUrl}`);
    const firstEntry = reader.locator('.lb-entries .lb-entry').first();
    await firstEntry.waitFor();
    const loadedAt = await reader.evaluate(() => performance.timeOrigin);

    const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const desk = await signIn(deskContext, base, reporterEmail);
    watchErrors(desk, errors);
    await desk.goto(`${base}/admin/live/${articleId}`);
    const box = desk.getByRole('textbox', { name: 'Update' });
    assert.ok(await box.evaluate((el) => el === document.activeElement), 'the text box has focus');
    await box.fill('Delegates are leaving the hall. **Talks are over** for today.');
    await desk.keyboard.press('Control+Enter');
    await desk.getByText('Posted. Readers see it now.').waitFor();

    // The reader is at the top of the list: the entry goes in at once, announced politely.
    const arrived = reader.locator('.lb-entries .lb-entry', { hasText: 'Talks are over' });
    await arrived.waitFor({ timeout: 2000 });
    assert.equal(await arrived.locator('strong').textContent(), 'Talks are over');
    await reader.waitForFunction(
      () => document.querySelector('.lb-announcer')?.textContent === '1 new update',
    );
    assert.equal(await reader.evaluate(() => performance.timeOrigin), loadedAt, 'no reload');
    // The console lists it too, as readers see it.
    await desk.locator('.lc-entries .lb-entry', { hasText: 'Talks are over' }).waitFor();

    // Scrolled down into the entries: new ones wait behind the button, and nothing moves.
    const anchor = reader.locator('.lb-entries .lb-entry').nth(4);
    await anchor.scrollIntoViewIfNeeded();
    await reader.evaluate(() => window.scrollBy(0, 200));
    const topBefore = await anchor.evaluate((el) => el.getBoundingClientRect().top);
    await desk.getByRole('textbox', { name: 'Title (optional)' }).fill('Ministers to meet again in May');
    await desk
      .getByRole('textbox', { name: 'Update' })
      .fill('A follow-up meeting of defence ministers is pencilled in.');
    await desk.getByRole('checkbox', { name: 'Key event' }).check();
    await desk.getByRole('button', { name: 'Post update' }).click();
    const button = reader.getByRole('button', { name: 'Show 1 new update' });
    await button.waitFor({ timeout: 2000 });
    assert.equal(await reader.locator('.lb-entry', { hasText: 'Ministers to meet again' }).count(), 0);
    assert.equal(await anchor.evaluate((el) => el.getBoundingClientRect().top), topBefore, 'no layout shift');
    // The key-events list already links to it.
    await reader
      .getByRole('navigation', { name: 'Key events' })
      .getByRole('link', { name: /Ministers to meet again/ })
      .waitFor();
    await reader.screenshot({ path: path.join(shots, 'liveblog-new-updates-1280.png') });
    await button.click();
    await reader.locator('.lb-entries .lb-entry', { hasText: 'Ministers to meet again' }).waitFor();
    assert.equal(await button.isVisible(), false);

    // Deleting an entry in the console removes it from the open page.
    const editor = await t.app.users.createUser({
      email: `live-editor.${process.pid}@example.org`,
      name: 'Edie Editor',
      role: 'editor',
      password,
      authorId: null,
    });
    assert.ok(editor);
    const editorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const editorDesk = await signIn(editorContext, base, `live-editor.${process.pid}@example.org`);
    await editorDesk.goto(`${base}/admin/live/${articleId}`);
    editorDesk.on('dialog', (dialog) => void dialog.accept());
    const item = editorDesk.locator('.lc-item', { hasText: 'Talks are over' });
    await item.getByRole('button', { name: 'Delete' }).click();
    await reader
      .locator('.lb-entry', { hasText: 'Talks are over' })
      .waitFor({ state: 'detached', timeout: 2000 });

    await Promise.all([readerContext.close(), deskContext.close(), editorContext.close()]);
    assert.deepEqual(errors, []);
  });

  for (const width of [390, 1280]) {
    it(`has no accessibility violations on the blog and the console at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${base}${blogUrl}`);
      await page.screenshot({ path: path.join(shots, `liveblog-${width}.png`), fullPage: width === 390 });
      assert.deepEqual(await axeViolations(page), [], 'reader page');
      const entry = await page.locator('.lb-entries .lb-entry').first().getAttribute('data-entry-id');
      await page.goto(`${base}${blogUrl}/updates/${entry}`);
      assert.deepEqual(await axeViolations(page), [], 'entry permalink');
      const desk = await signIn(context, base, reporterEmail);
      await desk.goto(`${base}/admin/live/${articleId}`);
      await desk.locator('.lc-entries .lc-item').first().waitFor();
      await desk.screenshot({ path: path.join(shots, `live-console-${width}.png`) });
      assert.deepEqual(await axeViolations(desk), [], 'live console');
      await desk.goto(`${base}/admin/live`);
      assert.deepEqual(await axeViolations(desk), [], 'live blogs list');
      await context.close();
    });
  }
});
