import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectEmbed } from './embeds.ts';
import { normaliseHref } from './links.ts';
import { bodyWordCount, countWords, readingMinutes, statsLabel } from './text-stats.ts';
import { isoToLocalInput, localInputToIso, longTime } from './time.ts';
import type { EditorArticle } from './types.ts';
import { primaryButton, workflowButtons } from './workflow.ts';

describe('detectEmbed', () => {
  const provider = (url: string) => {
    const guess = detectEmbed(url);
    return guess.ok ? guess.provider : guess.message;
  };

  it('recognises YouTube, X, video and audio links', () => {
    assert.equal(provider('https://www.youtube.com/watch?v=dQw4w9WgXcQ'), 'youtube');
    assert.equal(provider('youtu.be/dQw4w9WgXcQ'), 'youtube');
    assert.equal(provider('https://www.youtube.com/shorts/abcdefgh'), 'youtube');
    assert.equal(provider('https://x.com/someone/status/1234567890'), 'x');
    assert.equal(provider('https://twitter.com/someone/status/1234567890?s=20'), 'x');
    assert.equal(provider('https://cdn.example.org/clips/interview.mp4'), 'video');
    assert.equal(provider('https://cdn.example.org/pod/episode.MP3'), 'audio');
  });

  it('adds https:// to a bare address and refuses http and unknown sites', () => {
    const guess = detectEmbed('youtube.com/watch?v=dQw4w9WgXcQ');
    assert.ok(guess.ok && guess.url === 'https://youtube.com/watch?v=dQw4w9WgXcQ');
    assert.match(provider('http://www.youtube.com/watch?v=dQw4w9WgXcQ'), /secure/);
    assert.match(provider('https://vimeo.com/1234'), /We can embed/);
    assert.match(provider('https://youtube.com/channel/abc'), /We can embed/);
    assert.match(provider('not a url at all'), /not a web address/);
  });
});

describe('normaliseHref', () => {
  it('accepts web, mail and site links, adding https:// to bare addresses', () => {
    assert.deepEqual(normaliseHref('example.org/page'), { ok: true, href: 'https://example.org/page' });
    assert.deepEqual(normaliseHref(' https://example.org '), { ok: true, href: 'https://example.org' });
    assert.deepEqual(normaliseHref('news@example.org'), { ok: true, href: 'mailto:news@example.org' });
    assert.deepEqual(normaliseHref('/politics/story'), { ok: true, href: '/politics/story' });
  });

  it('refuses script and data links', () => {
    assert.equal(normaliseHref('javascript:alert(1)').ok, false);
    assert.equal(normaliseHref('data:text/html,hi').ok, false);
    assert.equal(normaliseHref('').ok, false);
  });
});

describe('word count and reading time', () => {
  it('counts words in text blocks and none in cards', () => {
    assert.equal(countWords('Don’t stop — it’s 2023-24, isn’t it?'), 6);
    const words = bodyWordCount([
      { type: 'paragraph', content: [{ text: 'One two ' }, { text: 'three', bold: true }] },
      { type: 'heading', level: 2, text: 'Four five' },
      { type: 'list', ordered: false, items: [[{ text: 'six' }], [{ text: 'seven' }]] },
      { type: 'image', mediaId: 1, caption: 'not counted' },
      { type: 'factbox', title: 'eight', items: [[{ text: 'nine ten' }]] },
    ]);
    assert.equal(words, 10);
  });

  it('reads at about 230 words a minute', () => {
    assert.equal(readingMinutes(0), 0);
    assert.equal(readingMinutes(40), 1);
    assert.equal(readingMinutes(460), 2);
    assert.equal(statsLabel(0), '0 words');
    assert.equal(statsLabel(1), '1 word · 1 min read');
    assert.equal(statsLabel(1150), '1,150 words · 5 min read');
  });
});

describe('datetime-local conversions', () => {
  it('reads and writes wall-clock time in the site’s zone, across summer time', () => {
    assert.equal(localInputToIso('2025-06-22T06:21', 'Europe/London'), '2025-06-22T05:21:00.000Z');
    assert.equal(localInputToIso('2025-01-10T09:00', 'Europe/London'), '2025-01-10T09:00:00.000Z');
    assert.equal(localInputToIso('2025-03-30T03:30', 'Europe/London'), '2025-03-30T02:30:00.000Z');
    assert.equal(isoToLocalInput('2025-06-22T05:21:00Z', 'Europe/London'), '2025-06-22T06:21');
    assert.equal(isoToLocalInput('2025-06-22T05:21:00Z', 'America/New_York'), '2025-06-22T01:21');
    assert.equal(longTime('2023-06-22T05:21:00Z', 'Europe/London'), '22 June 2023, 06:21');
  });

  it('round-trips a local time through ISO', () => {
    const iso = localInputToIso('2025-06-22T06:21');
    assert.ok(iso);
    assert.equal(isoToLocalInput(iso), '2025-06-22T06:21');
    assert.equal(localInputToIso(''), null);
    assert.equal(localInputToIso('22/06/2025'), null);
    assert.equal(isoToLocalInput(null), '');
  });
});

describe('workflow buttons', () => {
  const article = (status: EditorArticle['status'], can: Partial<EditorArticle['permissions']>) =>
    ({
      status,
      permissions: { canEdit: true, canSubmit: false, canPublish: false, canUnpublish: false, ...can },
    }) as EditorArticle;
  const actions = (a: EditorArticle) => workflowButtons(a).map((b) => b.action);

  it('offers a reporter only "Submit for review" on a draft', () => {
    assert.deepEqual(actions(article('draft', { canSubmit: true })), ['submit']);
    assert.deepEqual(actions(article('in_review', { canSubmit: true })), []);
    assert.equal(primaryButton(article('draft', { canSubmit: true }))?.label, 'Submit for review');
  });

  it('offers an editor publish and schedule, then update, correction and unpublish once live', () => {
    const editor = { canSubmit: true, canPublish: true, canUnpublish: true };
    assert.deepEqual(actions(article('in_review', editor)), ['publish', 'schedule']);
    assert.deepEqual(actions(article('published', editor)), ['update', 'correction', 'unpublish']);
    assert.equal(primaryButton(article('published', editor))?.label, 'Publish update');
    assert.equal(workflowButtons(article('scheduled', editor)).at(-1)?.label, 'Change schedule');
  });
});
