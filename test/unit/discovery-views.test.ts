import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ViewsRepository } from '../../src/modules/analytics/index.ts';
import { type HourCount, hourStart, isAutomated, ViewsService } from '../../src/modules/analytics/index.ts';

const browser =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

/** An in-memory stand-in for the repository: what the service writes, summed like the upsert does. */
function fakeRepo() {
  const stored = new Map<string, HourCount>();
  const writes: HourCount[][] = [];
  const repo = {
    async add(counts: readonly HourCount[]) {
      writes.push([...counts]);
      for (const c of counts) {
        const key = `${c.articleId}:${c.hour.toISOString()}`;
        const entry = stored.get(key);
        if (entry) entry.views += c.views;
        else stored.set(key, { ...c });
      }
    },
    async mostRead() {
      return [];
    },
    async hours(articleId: number, from: Date, to: Date) {
      return [...stored.values()]
        .filter((c) => c.articleId === articleId && c.hour >= from && c.hour < to)
        .map((c) => ({ hour: c.hour, views: c.views }));
    },
  };
  return { repo: repo as unknown as ViewsRepository, stored, writes };
}

const cards = { cardsByIds: async () => [] };

describe('view counting', () => {
  it('recognises crawlers, previewers, monitors and headless browsers', () => {
    for (const bot of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36',
      'curl/8.5.0',
      'python-requests/2.32.3',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      '',
      undefined,
    ]) {
      assert.equal(isAutomated(bot), true, String(bot));
    }
    assert.equal(isAutomated(browser), false);
  });

  it('counts people once per article per half hour, aggregated per hour, and never bots', async () => {
    const { repo, stored } = fakeRepo();
    const views = new ViewsService(repo, cards, { autoFlush: false });
    const nine = new Date('2026-06-22T09:05:00Z');
    assert.equal(views.record({ articleId: 4, userAgent: browser, client: '203.0.113.1' }, nine), true);
    assert.equal(
      views.record(
        { articleId: 4, userAgent: browser, client: '203.0.113.1' },
        new Date('2026-06-22T09:20:00Z'),
      ),
      false,
      'a reload',
    );
    assert.equal(
      views.record(
        { articleId: 4, userAgent: browser, client: '203.0.113.2' },
        new Date('2026-06-22T09:59:59Z'),
      ),
      true,
    );
    assert.equal(
      views.record(
        { articleId: 4, userAgent: browser, client: '203.0.113.1' },
        new Date('2026-06-22T10:10:00Z'),
      ),
      true,
      'after half an hour',
    );
    assert.equal(
      views.record({ articleId: 4, userAgent: 'Googlebot/2.1', client: '66.249.66.1' }, nine),
      false,
    );
    for (const bad of ['4', -1, 0, 1.5, null, 2 ** 40]) {
      assert.equal(
        views.record({ articleId: bad, userAgent: browser, client: 'x' }, nine),
        false,
        String(bad),
      );
    }
    assert.equal(views.unflushed, 3);
    await views.flush();
    assert.equal(views.unflushed, 0);
    assert.deepEqual(
      [...stored.values()].map((c) => [c.articleId, c.hour.toISOString(), c.views]),
      [
        [4, '2026-06-22T09:00:00.000Z', 2],
        [4, '2026-06-22T10:00:00.000Z', 1],
      ],
    );
  });

  it('charts views per hour with empty hours filled in', async () => {
    const { repo } = fakeRepo();
    const views = new ViewsService(repo, cards, { autoFlush: false });
    views.record({ articleId: 9, userAgent: browser, client: 'a' }, new Date('2026-06-22T07:30:00Z'));
    views.record({ articleId: 9, userAgent: browser, client: 'b' }, new Date('2026-06-22T09:10:00Z'));
    const chart = await views.viewsByHour(
      9,
      new Date('2026-06-22T06:45:00Z'),
      new Date('2026-06-22T10:00:00Z'),
    );
    assert.deepEqual(
      chart.map((h) => [h.hour.toISOString().slice(11, 13), h.views]),
      [
        ['06', 0],
        ['07', 1],
        ['08', 0],
        ['09', 1],
      ],
    );
    await assert.rejects(
      views.viewsByHour(9, new Date('2026-06-22'), new Date('2026-06-21')),
      /start before its end/,
    );
    await assert.rejects(
      views.viewsByHour(9, new Date('2020-01-01'), new Date('2026-01-01')),
      /at most a year/,
    );
  });

  it('keeps counts for the next attempt when a write fails', async () => {
    const { repo, stored } = fakeRepo();
    let fail = true;
    const flaky = {
      ...repo,
      add: async (counts: readonly HourCount[]) => {
        if (fail) throw new Error('database away');
        return repo.add(counts);
      },
    } as unknown as ViewsRepository;
    const views = new ViewsService(flaky, cards, { autoFlush: false });
    views.record({ articleId: 2, userAgent: browser, client: 'a' }, new Date('2026-06-22T09:00:00Z'));
    await assert.rejects(views.flush(), /database away/);
    assert.equal(views.unflushed, 1);
    fail = false;
    await views.flush();
    assert.equal([...stored.values()][0]?.views, 1);
    assert.equal(hourStart(new Date('2026-06-22T09:59:59.999Z')).toISOString(), '2026-06-22T09:00:00.000Z');
  });
});
