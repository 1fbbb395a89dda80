import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PushPayload } from '../../src/modules/push/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, listen } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/template.ts';

const screenshots = path.join(projectRoot, 'test-results', 'screenshots');

/**
 * The reader's side of breaking-news alerts in Chromium. Headless Chromium cannot reach a real push
 * service (and refuses PushManager.subscribe in its incognito-like contexts), so subscribing is shown to
 * fail gracefully; the service worker is then driven through DevTools (ServiceWorker.deliverPushMessage),
 * which dispatches a real push event to it. The server's side (encryption, VAPID, delivery) is tested
 * against a fake push service in test/http/push.test.ts.
 */
/** Polls until `check` holds (the worker shows notifications asynchronously); fails after 10 s. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail('the condition did not come true');
}

describe('push opt-in and service worker in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base = '';

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    t = await startTestApp('pglite');
    base = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    return page;
  }

  it('keeps the opt-in hidden without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await open(context);
      const optIn = page.locator('.push-optin');
      assert.equal(await optIn.count(), 1, 'rendered in the footer');
      assert.equal(await optIn.getAttribute('hidden'), '');
      assert.equal(await optIn.isVisible(), false);
    } finally {
      await context.close();
    }
  });

  it('reveals the opt-in with JavaScript, with no axe-core violations at 390 and 1280 px, light and dark', async () => {
    const problems: string[] = [];
    for (const width of [390, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({
          viewport: { width, height: 900 },
          colorScheme,
          bypassCSP: true,
        });
        await context.grantPermissions(['notifications'], { origin: base });
        try {
          const page = await open(context);
          const optIn = page.locator('.push-optin');
          await optIn.waitFor({ state: 'visible' });
          assert.equal(await page.locator('.push-optin-button').textContent(), 'Get breaking news alerts');
          for (const v of await axeViolations(page)) {
            problems.push(`${width} ${colorScheme}: ${v.id} ${v.help} ${JSON.stringify(v.nodes)}`);
          }
          await optIn.scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(screenshots, `push-optin-${width}-${colorScheme}.png`) });
        } finally {
          await context.close();
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('registers the service worker at /sw.js (scope /) when a reader turns alerts on, and it shows pushes', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['notifications'], { origin: base });
    try {
      const page = await open(context);
      const cdp = await context.newCDPSession(page);
      const registrations = new Map<string, string>();
      cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
        for (const r of event.registrations) registrations.set(r.scopeURL, r.registrationId);
      });
      await cdp.send('ServiceWorker.enable');
      await page.locator('.push-optin-button').click();
      // Here the subscription itself fails (no push service); the reader is told, and nothing stays half on.
      await page.locator('.push-optin[data-state="off"]').waitFor();
      assert.match(
        (await page.locator('.push-optin-status').textContent()) ?? '',
        /Could not turn on alerts in this browser/,
      );
      const registration = await page.evaluate(async () => {
        const found = await navigator.serviceWorker.getRegistration('/');
        await navigator.serviceWorker.ready;
        const worker = found?.active ?? found?.waiting ?? found?.installing;
        return found ? { scope: found.scope, script: worker?.scriptURL } : null;
      });
      assert.deepEqual(registration, { scope: `${base}/`, script: `${base}/sw.js` });

      const registrationId = registrations.get(`${base}/`);
      assert.ok(registrationId !== undefined, 'DevTools sees the registration');
      const deliver = (payload: Partial<PushPayload>) =>
        cdp.send('ServiceWorker.deliverPushMessage', {
          origin: base,
          registrationId,
          data: JSON.stringify(payload),
        });
      const shown = () =>
        page.evaluate(async () => {
          const found = await navigator.serviceWorker.getRegistration('/');
          const list = (await found?.getNotifications()) ?? [];
          return list.map((n) => ({ title: n.title, body: n.body, icon: n.icon, tag: n.tag, data: n.data }));
        });
      await deliver({
        title: 'Markets fall sharply at the open',
        body: 'Shares dropped in the first minutes of trading.',
        url: `${base}/latest`,
        icon: `${base}/brand/icon-144.png`,
        tag: 'push-7',
      });
      await until(async () => (await shown()).length > 0);
      assert.deepEqual(await shown(), [
        {
          title: 'Markets fall sharply at the open',
          body: 'Shares dropped in the first minutes of trading.',
          icon: `${base}/brand/icon-144.png`,
          tag: 'push-7',
          data: { url: `${base}/latest` },
        },
      ]);
      // A payload pointing elsewhere opens our home page instead: the worker only opens our own pages.
      await deliver({ title: 'Elsewhere', body: '', url: 'https://attacker.example/', tag: 'push-8' });
      await until(async () => (await shown()).some((n) => n.tag === 'push-8'));
      const elsewhere = (await shown()).find((n) => n.tag === 'push-8');
      assert.deepEqual(elsewhere?.data, { url: base });
    } finally {
      await context.close();
    }
  });

  it('says so when the browser blocks notifications', async () => {
    // Without a grant, headless Chromium answers the permission request with "denied".
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await open(context);
      await page.locator('.push-optin').waitFor({ state: 'visible' });
      await page.locator('.push-optin-button').click();
      await page.locator('.push-optin[data-state="blocked"]').waitFor();
      assert.match(
        (await page.locator('.push-optin-status').textContent()) ?? '',
        /Alerts are blocked in this browser/,
      );
      assert.equal(await page.locator('.push-optin-button').isVisible(), false);
      assert.equal(
        await page.evaluate(() => navigator.serviceWorker.getRegistration('/').then(Boolean)),
        false,
        'no service worker for a reader who did not opt in',
      );
      await page.locator('.push-optin').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshots, 'push-optin-blocked-390.png') });
    } finally {
      await context.close();
    }
  });
});
