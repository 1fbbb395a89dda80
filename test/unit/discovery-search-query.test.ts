import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hasWord,
  makeSnippet,
  parseSearchInput,
  searchHref,
  splitHighlights,
} from '../../src/modules/search/index.ts';
import { DomainError } from '../../src/shared/errors.ts';

function rejects(query: Record<string, unknown>, pattern: RegExp) {
  assert.throws(
    () => parseSearchInput(query),
    (error: unknown) => error instanceof DomainError && error.status === 400 && pattern.test(error.message),
    JSON.stringify(query),
  );
}

describe('search input', () => {
  it('accepts words, phrases, exclusions and filters', () => {
    assert.deepEqual(parseSearchInput({ q: '  "prime minister"   -nato ' }), {
      q: '"prime minister" -nato',
      page: 1,
      limit: 10,
    });
    assert.deepEqual(
      parseSearchInput({
        q: 'rates',
        section: 'business',
        author: 'sarah-whitcombe',
        from: '2026-06-01',
        to: '2026-06-30',
        page: '2',
      }),
      {
        q: 'rates',
        section: 'business',
        author: 'sarah-whitcombe',
        from: '2026-06-01',
        to: '2026-06-30',
        page: 2,
        limit: 10,
      },
    );
    assert.equal(parseSearchInput({}).q, '', 'no query shows the form');
    assert.equal(parseSearchInput({ q: 'a\tb\nc' }).q, 'a b c', 'tabs and newlines are spaces');
    assert.equal(parseSearchInput({ q: 'x' }, { limit: 5 }).limit, 5);
  });

  it('refuses hostile and huge queries with a clear message', () => {
    rejects({ q: 'a'.repeat(201) }, /at most 200 characters/);
    rejects({ q: 'bad\u0000byte' }, /cannot be searched/);
    rejects({ q: 'bell\u0007' }, /cannot be searched/);
    rejects({ q: 'marker\uE000' }, /cannot be searched/);
    rejects({ q: '"" - or -- OR "-"' }, /at least one word/);
    rejects({ q: '!!! ??? ***' }, /at least one word/);
    rejects({ q: ['a', 'b'] }, /only once/);
    rejects({ q: 'x', page: '0' }, /pages run from 1/);
    rejects({ q: 'x', page: '101' }, /pages run from 1/);
    rejects({ q: 'x', page: '1e3' }, /whole number/);
    rejects({ q: 'x', limit: '50' }, /between 1 and/);
    rejects({ q: 'x', section: '../etc' }, /section/);
    rejects({ q: 'x', author: 'Not A Slug' }, /author/);
    rejects({ q: 'x', from: '2026-02-30' }, /real day/);
    rejects({ q: 'x', to: 'yesterday' }, /real day/);
    rejects({ q: 'x', from: '2026-06-02', to: '2026-06-01' }, /must not be after/);
  });

  it('knows when there is a word to search for', () => {
    assert.equal(hasWord('Défense'), true);
    assert.equal(hasWord('2026'), true);
    assert.equal(hasWord('北京'), true);
    assert.equal(hasWord('or OR -"'), false);
  });
});

describe('highlights', () => {
  it('splits ts_headline markers into plain and matching pieces', () => {
    assert.deepEqual(splitHighlights('The minister \uE000resigned\uE001 after the \uE000vote\uE001.'), [
      { text: 'The minister ', match: false },
      { text: 'resigned', match: true },
      { text: ' after the ', match: false },
      { text: 'vote', match: true },
      { text: '.', match: false },
    ]);
    assert.deepEqual(splitHighlights('<b>not html</b>'), [{ text: '<b>not html</b>', match: false }]);
    assert.deepEqual(splitHighlights(''), []);
    assert.deepEqual(splitHighlights('\uE000a\uE001\uE000b\uE001'), [{ text: 'ab', match: true }]);
  });

  it('builds search links that keep or drop filters', () => {
    const input = { q: 'nato & co', section: 'world', page: 3, limit: 10 };
    assert.equal(searchHref(input), '/search?q=nato+%26+co&section=world&page=3');
    assert.equal(searchHref(input, { section: undefined, page: 1 }), '/search?q=nato+%26+co');
    assert.equal(searchHref({}), '/search');
  });
});

describe('snippets', () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
  const text = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

  it('shows the passage around the matches, starting at a sentence when one is near', () => {
    const marked = `${words(40)}. Then the \uE000minister\uE001 resigned ${words(40, 100)}`;
    const pieces = makeSnippet(marked);
    assert.match(text(pieces), /^… Then the minister resigned w100/);
    assert.match(text(pieces), / …$/);
    assert.deepEqual(
      pieces.filter((p) => p.match).map((p) => p.text),
      ['minister'],
    );
  });

  it('adds a second passage only for a word the first does not show', () => {
    const marked = `\uE000nato\uE001 ${words(60)} \uE000nato\uE001 ${words(60, 100)} \uE000summit\uE001 ${words(30, 200)}`;
    const shown = makeSnippet(marked)
      .filter((p) => p.match)
      .map((p) => p.text);
    assert.deepEqual(shown, ['nato', 'summit']);
    assert.equal((text(makeSnippet(marked)).match(/ … /g) ?? []).length, 1);
  });

  it('falls back to the opening words when only the headline matched', () => {
    const pieces = makeSnippet(`Opening sentence here. ${words(50)}`);
    assert.match(text(pieces), /^Opening sentence here\. w0/);
    assert.ok(pieces.every((p) => !p.match));
    assert.deepEqual(makeSnippet(''), []);
  });
});
