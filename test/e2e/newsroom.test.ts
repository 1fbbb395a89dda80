import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoArticles, demoAuthors, demoSections } from '../../src/demo/content/index.ts';
import type { DemoArticle } from '../../src/demo/types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, listen } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/template.ts';

const screenshots = path.join(projectRoot, 'test-results', 'screenshots');
const password = 'correct horse battery staple';

function demo(predicate: (a: DemoArticle) => boolean, what: string): DemoArticle {
  const found = demoArticles.find(predicate);
  if (!found) throw new Error(`demo content has no ${what}`);
  return found;
}

/** The published story the "Read more" link points at, and the one whose rail must list the new story. */
const readMoreTarget = demo(
  (a) => a.slug === 'defence-spending-to-reach-two-and-a-half-per-cent',
  'read-more',
);
const otherArticle = demo((a) => a.homePosition === 0, 'lead story');
/** Two demo pictures (they carry alt text): one as the lead picture, one in the body. */
const leadPicture = demo((a) => a.section === 'science', 'science story').picture;
const bodyPicture = demo(
  (a) => a.section === 'science' && a.picture.alt !== leadPicture.alt,
  'picture',
).picture;
const byline = demoAuthors[0];
const section = demoSections.find((s) => s.slug === 'science');
if (!byline || !section) throw new Error('demo authors or sections missing');

const story = {
  headline: 'Village allotments trial drought-proof beans after record dry summer',
  standfirst: 'Growers in three counties are testing varieties bred to cope with longer spells without rain.',
  slug: 'allotments-trial-drought-proof-beans',
  paragraphs: [
    'Allotment holders in Norfolk, Suffolk and Essex have planted a new broad bean that needs half the water.',
    'The trial, run with a university plant lab, will report its first results after the autumn harvest.',
    'Seed for next spring will go to the plots that kept the most moisture.',
  ],
};
const url = `/${section.slug}/${story.slug}`;

interface ArticleJson {
  id: number;
  version: number;
  status: string;
  headline: string;
  standfirst: string;
  slug: string;
  sectionId: number;
  authors: { id: number; name: string }[];
  leadMedia: { id: number; alt: string } | null;
  body: { type: string; mediaId?: number; articleId?: number }[];
  permissions: { canPublish: boolean };
}

/** Calls the admin API from inside the page, as the page's own script would (cookie + CSRF meta tag). */
async function apiFromPage(
  page: Page,
  method: 'GET' | 'POST',
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
      if (!token) throw new Error('the page has no CSRF token');
      const res = await fetch(apiPath, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    { method, apiPath, body },
  );
}

async function loadArticle(page: Page, id: number): Promise<ArticleJson> {
  const answer = await apiFromPage(page, 'GET', `/admin/api/articles/${id}`);
  assert.equal(answer.status, 200);
  return answer.json as unknown as ArticleJson;
}

/** Fails the test on uncaught script errors and console errors, except those the test causes on purpose. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The refused publish (403) is the point of the test; Chromium logs every failed fetch.
    if (/status of 403/.test(message.text())) return;
    errors.push(`${page.url()}: ${message.text()}`);
  });
}

async function signIn(context: BrowserContext, base: string, email: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  watchErrors(page, errors);
  await page.goto(`${base}/admin`);
  // Signed-out visitors are sent to the form.
  await page.waitForURL(/\/admin\/sign-in/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/admin`);
  await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
  return page;
}

/** Picks a picture in the editor's media library dialog by its alt text and confirms with `button`. */
async function pickPicture(page: Page, alt: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Media library' });
  await dialog.waitFor();
  await dialog.getByRole('searchbox', { name: 'Search pictures by alt text, caption or credit' }).fill(alt);
  const choice = dialog.getByRole('button', { name: `Select: ${alt}`, exact: true }).first();
  await choice.click();
  await dialog.getByRole('button', { name: `Select: ${alt}`, exact: true, pressed: true }).waitFor();
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function imageLoaded(image: Locator): Promise<boolean> {
  await image.scrollIntoViewIfNeeded();
  return image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return img.naturalWidth > 0;
  });
}

describe('newsroom workflow in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let contributorEmail: string;
  let editorEmail: string;
  const errors: string[] = [];

  before(async () => {
    t = await startTestApp('pglite');
    base = await listen(t);
    contributorEmail = `contributor.${process.pid}@example.org`;
    editorEmail = `editor.${process.pid}@example.org`;
    // The contributor has no author profile, so no byline is preset: they pick one in the editor.
    await t.app.users.createUser({
      email: contributorEmail,
      name: 'Casey Contributor',
      role: 'contributor',
      password,
      authorId: null,
    });
    await t.app.users.createUser({
      email: editorEmail,
      name: 'Erin Editor',
      role: 'editor',
      password,
      authorId: null,
    });
    browser = await launchBrowser();
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a contributor writes and submits a story, an editor publishes it, readers see it at once', async () => {
    const viewport = { width: 1280, height: 900 };

    // ── 1. The contributor writes the story ──────────────────────────────────────────────
    const contributorContext = await browser.newContext({ viewport });
    const writer = await signIn(contributorContext, base, contributorEmail, errors);
    await writer.getByRole('button', { name: 'New article' }).click();
    await writer.waitForURL(/\/admin\/articles\/\d+$/);
    const id = Number(/\/admin\/articles\/(\d+)$/.exec(writer.url())?.[1]);
    assert.ok(id > 0);

    const body = writer.getByRole('textbox', { name: 'Article body' });
    await body.waitFor();
    // A contributor is never offered publishing, only review.
    await writer.getByRole('button', { name: 'Submit for review' }).first().waitFor();
    assert.equal(await writer.getByRole('button', { name: /^(Publish|Schedule)/ }).count(), 0);
    assert.ok(await writer.getByText('No byline yet.').isVisible());

    await writer.getByRole('textbox', { name: 'Headline', exact: true }).fill(story.headline);
    await writer.getByRole('textbox', { name: 'Standfirst', exact: true }).fill(story.standfirst);
    await writer
      .getByRole('combobox', { name: 'Section', exact: true })
      .selectOption({ label: section.name });
    await writer
      .getByRole('combobox', { name: 'Add a byline' })
      .selectOption({ label: `${byline.name} — ${byline.jobTitle}` });
    const bylines = writer.getByRole('list', { name: 'Bylines' });
    assert.equal((await bylines.getByRole('listitem').innerText()).trim(), byline.name);
    await writer.getByRole('textbox', { name: 'Slug', exact: true }).fill(story.slug);

    await body.click();
    await writer.keyboard.type(story.paragraphs[0] ?? '');
    await writer.keyboard.press('Enter');
    await writer.keyboard.type(story.paragraphs[1] ?? '');

    // A picture in the body, from the library.
    const toolbar = writer.getByRole('toolbar', { name: 'Formatting and inserts' });
    await toolbar.getByRole('button', { name: 'Insert', exact: true }).click();
    await toolbar.getByRole('button', { name: /^Picture/ }).click();
    await pickPicture(writer, bodyPicture.alt, 'Insert picture');
    await body.locator(`img[alt="${bodyPicture.alt}"]`).waitFor();
    // The journalist clicks into the empty line under the picture and writes on.
    await body.locator(':scope > p').last().click();
    await writer.keyboard.type(story.paragraphs[2] ?? '');

    // A "Read more" link to a published story, found in the article picker.
    await toolbar.getByRole('button', { name: 'Insert', exact: true }).click();
    await toolbar.getByRole('button', { name: /^Read more link/ }).click();
    const picker = writer.getByRole('dialog', { name: 'Insert a “Read more” link' });
    await picker.getByRole('searchbox', { name: 'Search articles by headline' }).fill('Defence spending');
    await picker.getByRole('button', { name: readMoreTarget.headline }).click();
    await picker.waitFor({ state: 'hidden' });
    await body.getByText(`Read more: ${readMoreTarget.headline}`).waitFor();

    // The lead picture, from the sidebar.
    await writer.getByRole('button', { name: 'Choose picture' }).click();
    await pickPicture(writer, leadPicture.alt, 'Use as lead picture');
    await writer
      .getByRole('region', { name: 'Lead picture' })
      .getByRole('img', { name: leadPicture.alt })
      .waitFor();

    // Ctrl+S saves at once; the status line says so.
    await writer.keyboard.press('Control+s');
    const saveStatus = writer.locator('.ed-save [role="status"]');
    await writer.waitForFunction(
      () => /^Saved at \d/.test(document.querySelector('.ed-save [role="status"]')?.textContent ?? ''),
      undefined,
      { timeout: 10_000 },
    );
    assert.match(await saveStatus.innerText(), /^Saved at \d/);

    const saved = await loadArticle(writer, id);
    assert.equal(saved.status, 'draft');
    assert.equal(saved.headline, story.headline);
    assert.equal(saved.standfirst, story.standfirst);
    assert.equal(saved.slug, story.slug);
    assert.deepEqual(
      saved.authors.map((a) => a.name),
      [byline.name],
    );
    assert.equal(saved.leadMedia?.alt, leadPicture.alt);
    assert.deepEqual(
      saved.body.map((b) => b.type),
      ['paragraph', 'paragraph', 'image', 'paragraph', 'readMore'],
    );
    assert.equal(saved.permissions.canPublish, false);

    // From the top, so the sticky top bar sits where it belongs in the full-page picture.
    await writer.evaluate(() => window.scrollTo(0, 0));
    await writer.screenshot({ path: path.join(screenshots, 'newsroom-editor.png'), fullPage: true });

    // Submit for review (the top bar's main button).
    await writer.locator('.ed-topbar').getByRole('button', { name: 'Submit for review' }).click();
    await writer.getByRole('status').filter({ hasText: 'Sent for review.' }).waitFor();
    await writer.getByText('Waiting for an editor’s review.').waitFor();
    assert.equal(await writer.getByRole('button', { name: 'Submit for review' }).count(), 0);
    assert.equal(await writer.getByRole('button', { name: /^(Publish|Schedule)/ }).count(), 0);

    // Going around the missing button does not work either: the server refuses.
    const submitted = await loadArticle(writer, id);
    assert.equal(submitted.status, 'in_review');
    const refused = await apiFromPage(writer, 'POST', `/admin/api/articles/${id}/publish`, {
      version: submitted.version,
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.json.code, 'forbidden');
    assert.equal((await loadArticle(writer, id)).status, 'in_review');
    await contributorContext.close();

    // A reader already has the home page open before the story is published.
    const readerContext = await browser.newContext({ viewport });
    const reader = await readerContext.newPage();
    watchErrors(reader, errors);
    await reader.goto(`${base}/`);
    const homeLink = reader.getByRole('link', { name: story.headline });
    assert.equal(await homeLink.count(), 0);

    // ── 2. The editor reviews and publishes ──────────────────────────────────────────────
    const editorContext = await browser.newContext({ viewport });
    const desk = await signIn(editorContext, base, editorEmail, errors);
    await desk
      .getByRole('navigation', { name: 'Filter by status' })
      .getByRole('link', { name: 'In review' })
      .click();
    await desk.waitForURL(/status=in_review/);
    const row = desk.getByRole('row').filter({ hasText: story.headline });
    assert.equal(await row.count(), 1);
    assert.match(
      await row.innerText(),
      new RegExp(`In review[\\s\\S]*${section.name}[\\s\\S]*${byline.name}`),
    );
    await desk.screenshot({ path: path.join(screenshots, 'newsroom-dashboard.png') });
    await row.getByRole('link', { name: story.headline }).click();
    await desk.waitForURL(`${base}/admin/articles/${id}`);
    await desk.getByRole('textbox', { name: 'Article body' }).waitFor();
    assert.equal(
      await desk.getByRole('textbox', { name: 'Headline', exact: true }).inputValue(),
      story.headline,
    );

    // The preview opens in a new tab and shows the story as readers will see it.
    const [preview] = await Promise.all([
      editorContext.waitForEvent('page'),
      desk.getByRole('link', { name: /^Preview/ }).click(),
    ]);
    watchErrors(preview, errors);
    await preview.waitForLoadState();
    assert.equal(preview.url(), `${base}/admin/articles/${id}/preview`);
    assert.equal((await preview.locator('h1').innerText()).trim(), story.headline);
    const previewReadMore = preview.locator('.read-more');
    assert.equal(await previewReadMore.count(), 1);
    assert.equal((await previewReadMore.innerText()).trim(), `Read more: ${readMoreTarget.headline}`);
    await preview.close();

    const publishResponse = desk.waitForResponse(
      (r) => r.url().endsWith(`/admin/api/articles/${id}/publish`) && r.request().method() === 'POST',
    );
    await desk.locator('.ed-topbar').getByRole('button', { name: 'Publish now' }).click();
    const confirm = desk.getByRole('dialog', { name: 'Publish now?' });
    await confirm.getByRole('button', { name: 'Publish now' }).click();
    assert.equal((await publishResponse).status(), 200);
    await confirm.waitFor({ state: 'hidden' });
    await desk.getByRole('status').filter({ hasText: 'Published. It is on the site now.' }).waitFor();
    const live = desk.getByRole('link', { name: /^View on site/ });
    assert.equal(await live.getAttribute('href'), url);
    await editorContext.close();

    // ── 3. Readers see it straight away, without a restart ───────────────────────────────
    await reader.reload();
    const latest = reader.locator('.home-latest');
    assert.ok(await latest.getByRole('link', { name: story.headline }).isVisible(), 'in the Latest column');

    await reader.goto(`${base}/${otherArticle.section}/${otherArticle.slug}`);
    const rail = reader.locator('.rail');
    assert.equal((await rail.locator('h2').innerText()).toLowerCase(), 'more latest news');
    const railLink = rail.getByRole('link', { name: story.headline });
    await railLink.scrollIntoViewIfNeeded();
    assert.ok(await railLink.isVisible(), 'in the "More Latest News" rail');
    await railLink.click();
    await reader.waitForURL(`${base}${url}`);

    assert.equal((await reader.locator('h1').innerText()).trim(), story.headline);
    assert.match(await reader.locator('.byline').first().innerText(), new RegExp(`^By ${byline.name}`));
    const leadImage = reader.locator('.lead-figure img');
    assert.equal(await leadImage.getAttribute('alt'), leadPicture.alt);
    assert.ok(await imageLoaded(leadImage), 'the lead picture loads');
    const bodyImage = reader.locator('.article-body .body-figure img');
    assert.equal(await bodyImage.getAttribute('alt'), bodyPicture.alt);
    assert.ok(await imageLoaded(bodyImage), 'the body picture loads');
    for (const paragraph of story.paragraphs) {
      assert.ok(await reader.locator('.article-body p').filter({ hasText: paragraph }).isVisible());
    }
    const readMore = reader.locator('.article-body .read-more');
    assert.equal((await readMore.innerText()).trim(), `Read more: ${readMoreTarget.headline}`);
    assert.equal(
      await readMore.getByRole('link', { name: readMoreTarget.headline }).getAttribute('href'),
      `/${readMoreTarget.section}/${readMoreTarget.slug}`,
    );
    await readerContext.close();

    assert.deepEqual(errors, []);
  });

  // A freshly inserted card stays selected; the next insert must land after it, not replace it.
  it('keeps a picture when a "Read more" link is inserted straight after it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await signIn(context, base, contributorEmail, []);
      await page.getByRole('button', { name: 'New article' }).click();
      await page.waitForURL(/\/admin\/articles\/\d+$/);
      const id = Number(/\/admin\/articles\/(\d+)$/.exec(page.url())?.[1]);
      const body = page.getByRole('textbox', { name: 'Article body' });
      await body.click();
      await page.keyboard.type('One paragraph before the cards.');
      const toolbar = page.getByRole('toolbar', { name: 'Formatting and inserts' });
      await toolbar.getByRole('button', { name: 'Insert', exact: true }).click();
      await toolbar.getByRole('button', { name: /^Picture/ }).click();
      await pickPicture(page, bodyPicture.alt, 'Insert picture');
      await toolbar.getByRole('button', { name: 'Insert', exact: true }).click();
      await toolbar.getByRole('button', { name: /^Read more link/ }).click();
      const picker = page.getByRole('dialog', { name: 'Insert a “Read more” link' });
      await picker.getByRole('searchbox', { name: 'Search articles by headline' }).fill('Defence spending');
      await picker.getByRole('button', { name: readMoreTarget.headline }).click();
      await picker.waitFor({ state: 'hidden' });
      await page.keyboard.press('Control+s');
      await page.waitForFunction(() =>
        /^Saved at \d/.test(document.querySelector('.ed-save [role="status"]')?.textContent ?? ''),
      );
      const saved = await loadArticle(page, id);
      assert.deepEqual(
        saved.body.map((b) => b.type),
        ['paragraph', 'image', 'readMore'],
      );
    } finally {
      await context.close();
    }
  });
});
