import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cachePage } from '../../src/http/page-cache/cached-page.ts';
import { cacheKey } from '../../src/http/page-cache/key.ts';
import { PageCache } from '../../src/http/page-cache/page-cache.ts';

const page = (body: string, tags: string[]) =>
  cachePage({ body, status: 200, headers: { etag: 'W/"x"', 'content-length': 9 }, tags, storedAt: 0 });

describe('page cache', () => {
  it('keys pages by path and the page parameter only', () => {
    assert.equal(cacheKey('/politics'), '/politics');
    assert.equal(cacheKey('/politics?utm_source=a&page=2&fbclid=b'), '/politics?page=2');
    assert.equal(cacheKey('/politics?utm_source=a'), '/politics');
  });

  it('drops per-request headers from the stored copy', async () => {
    const stored = page('<p>hello</p>', ['a']);
    assert.equal(stored.headers['content-length'], undefined);
    assert.equal(stored.headers.vary, 'Accept-Encoding');
  });

  it('purges by tag, and only the pages carrying it', async () => {
    const cache = new PageCache({ maxBytes: 1e6, refreshAfterMs: 60_000, now: () => 0 });
    cache.store(cache.beginRender('/a'), page('a', ['article:1', 'home']));
    cache.store(cache.beginRender('/b'), page('b', ['article:2']));
    assert.equal(cache.purge(['article:1']), 1);
    assert.equal(cache.fresh('/a'), undefined);
    assert.ok(cache.fresh('/b'));
  });

  it('never stores a render that a purge overtook, and frees its waiters', async () => {
    const cache = new PageCache({ maxBytes: 1e6, refreshAfterMs: 60_000, now: () => 0 });
    const ticket = cache.beginRender('/a');
    const waiting = cache.running('/a');
    cache.purge(['article:1']);
    assert.equal(await waiting, null, 'waiters render for themselves after a purge');
    assert.equal(cache.running('/a'), undefined);
    const newer = cache.beginRender('/a');
    cache.store(ticket, page('old', ['article:1']));
    assert.equal(cache.fresh('/a'), undefined, 'the overtaken render is not kept');
    assert.ok(cache.running('/a'), 'and it does not release the newer render');
    cache.store(newer, page('new', ['article:1']));
    assert.equal(cache.fresh('/a')?.bodies.identity.toString(), 'new');
  });

  it('evicts the least recently used pages beyond its byte budget', async () => {
    const sample = page('x'.repeat(1000), ['t']);
    const cache = new PageCache({ maxBytes: sample.size * 2.5, refreshAfterMs: 60_000, now: () => 0 });
    for (const key of ['/1', '/2']) cache.store(cache.beginRender(key), page('x'.repeat(1000), ['t']));
    cache.fresh('/1');
    cache.store(cache.beginRender('/3'), page('x'.repeat(1000), ['t']));
    assert.ok(cache.fresh('/1'));
    assert.equal(cache.fresh('/2'), undefined);
    assert.ok(cache.fresh('/3'));
    assert.ok(cache.stats().bytes <= sample.size * 2.5);
  });

  it('serves a page past its refresh time only as stale', async () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1e6, refreshAfterMs: 1000, now: () => now });
    cache.store(
      cache.beginRender('/a'),
      cachePage({ body: 'a', status: 200, headers: {}, tags: [], storedAt: 0 }),
    );
    now = 2000;
    assert.equal(cache.fresh('/a'), undefined);
    assert.ok(cache.stale('/a'));
  });
});
