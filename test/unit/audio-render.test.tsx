import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import type { Block } from '../../src/modules/articles/index.ts';
import { speechScript } from '../../src/modules/audio/index.ts';
import { AudioPlayer, spokenDuration } from '../../src/render/components/audio-player.tsx';
import { Blocks } from '../../src/render/components/blocks.tsx';

const body: Block[] = [
  {
    type: 'paragraph',
    content: [
      { text: 'One sentence with a ' },
      { text: 'link that runs. Into the next', href: 'https://example.org/' },
      { text: ' sentence. ' },
      { text: 'Escaped <b> & bold.', bold: true },
    ],
  },
  { type: 'image', mediaId: 1, caption: 'Not read.' },
  { type: 'heading', level: 2, text: 'A heading' },
  { type: 'list', ordered: true, items: [[{ text: 'First.' }], [{ text: 'Second.' }]] },
  { type: 'quote', content: [{ text: 'Quoted.' }], attribution: 'A Person' },
];

function render(withMarks: boolean): string {
  const script = speechScript({ headline: 'Headline', standfirst: 'Standfirst.', body });
  return renderToString(
    <Blocks
      blocks={body}
      ctx={{ linked: new Map(), images: new Map(), sentences: withMarks ? script.marks : undefined }}
    />,
  );
}

describe('sentence marks in the article body', () => {
  it('changes nothing when the article has no audio', () => {
    const html = render(false);
    assert.ok(!html.includes('data-s'));
    assert.ok(
      html.includes(
        '<p>One sentence with a <a href="https://example.org/" rel="noopener">link that runs. Into the next</a> sentence. <strong>Escaped &lt;b> &amp; bold.</strong></p>',
      ),
    );
  });

  it('wraps each spoken sentence in <span data-s>, splitting formatting and links at the boundary', () => {
    const html = render(true);
    assert.ok(
      html.includes(
        '<p><span data-s="2">One sentence with a <a href="https://example.org/" rel="noopener">link that runs.</a></span> ' +
          '<span data-s="3"><a href="https://example.org/" rel="noopener">Into the next</a> sentence.</span> ' +
          '<span data-s="4"><strong>Escaped &lt;b> &amp; bold.</strong></span></p>',
      ),
      html,
    );
    assert.ok(html.includes('<h2><span data-s="5">A heading</span></h2>'));
    assert.ok(
      html.includes('<li><span data-s="6">First.</span></li><li><span data-s="7">Second.</span></li>'),
    );
    assert.ok(html.includes('<span data-s="8">Quoted.</span>'));
    assert.ok(html.includes('<figcaption><span data-s="9">A Person</span></figcaption>'));
    assert.ok(!/data-s="\d+">Not read/.test(html));
  });
});

describe('the player as rendered on the server', () => {
  const html = renderToString(
    <AudioPlayer
      audio={{
        url: '/audio/5/0123456789abcdef.mp3',
        mimeType: 'audio/mpeg',
        durationMs: 252_400,
        sentenceStarts: [250, 4000],
        scriptUrl: '/assets/player.abcdef012345.js',
      }}
    />,
  );

  it('works without script: a native control with the duration', () => {
    assert.ok(
      html.includes(
        '<audio class="listen-native" controls preload="none" src="/audio/5/0123456789abcdef.mp3">',
      ),
    );
    assert.ok(html.includes('<time datetime="PT4M12S">4 min 12 sec</time>'));
    assert.ok(html.includes('<div class="listen-controls" hidden>'));
  });

  it('labels every control and carries the timings as data, not script', () => {
    for (const label of ['Play', 'Back 15 seconds', 'Forward 15 seconds', 'Position']) {
      assert.ok(html.includes(`aria-label="${label}"`), label);
    }
    assert.ok(html.includes('<span class="visually-hidden">Playback speed</span>'));
    for (const rate of ['0.75', '1', '1.25', '1.5', '1.75', '2'])
      assert.ok(html.includes(`<option value="${rate}"`));
    assert.ok(
      html.includes('<script type="application/json" class="listen-data">{"starts":[250,4000]}</script>'),
    );
    assert.ok(html.includes('<script type="module" src="/assets/player.abcdef012345.js"></script>'));
  });

  it('says durations the way people do', () => {
    assert.equal(spokenDuration(45_000).text, '45 sec');
    assert.equal(spokenDuration(120_000).text, '2 min');
    assert.equal(spokenDuration(120_000).iso, 'PT2M0S');
  });
});
