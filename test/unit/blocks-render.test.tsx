import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { type ArticleCard, type Block, bodySchema, readBody } from '../../src/modules/articles/index.ts';
import { Blocks } from '../../src/render/components/blocks.tsx';

const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

function render(blocks: Block[], linked = new Map<number, ArticleCard>()): string {
  return renderToString(<Blocks blocks={blocks} ctx={{ linked, images: new Map() }} />);
}

const card: ArticleCard = {
  id: 7,
  slug: 'target-story',
  url: '/politics/target-story',
  headline: 'Current <b>headline</b> of the linked story',
  standfirst: '',
  label: 'none',
  section: { slug: 'politics', name: 'Politics' },
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  publicUpdatedAt: null,
  image: null,
  authors: [],
};

describe('block rendering', () => {
  it('escapes hostile text in every text-bearing block', () => {
    const html = render([
      { type: 'paragraph', content: [{ text: hostile, bold: true }] },
      { type: 'heading', level: 2, text: hostile },
      { type: 'list', ordered: false, items: [[{ text: hostile }]] },
      { type: 'quote', content: [{ text: hostile }], attribution: hostile },
      { type: 'pullquote', text: hostile, attribution: hostile },
      { type: 'factbox', title: hostile, items: [[{ text: hostile }]] },
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc', title: hostile },
    ]);
    assert.doesNotMatch(html, /<script>/);
    assert.doesNotMatch(html, /<img src=x/);
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script>/);
  });

  it('drops javascript: and data: links at render time even if stored', () => {
    const stored = [
      { type: 'paragraph', content: [{ text: 'click', href: 'javascript:alert(1)' }] },
      { type: 'paragraph', content: [{ text: 'data', href: 'data:text/html,<script>alert(1)</script>' }] },
      { type: 'paragraph', content: [{ text: 'vb', href: ' JaVaScRiPt:alert(1)' }] },
    ];
    // Unsafe links fail validation on write...
    assert.equal(bodySchema.safeParse(stored).success, false);
    // ...and a row damaged some other way is rendered without them.
    const html = render(stored as Block[]);
    assert.doesNotMatch(html, /href/);
    assert.match(html, /click/);
  });

  it('keeps http(s), mailto and site-relative links', () => {
    const html = render([
      {
        type: 'paragraph',
        content: [
          { text: 'a', href: 'https://example.org/x' },
          { text: 'b', href: 'mailto:desk@example.org' },
          { text: 'c', href: '/politics/story' },
        ],
      },
    ]);
    assert.match(html, /href="https:\/\/example.org\/x" rel="noopener"/);
    assert.match(html, /href="mailto:desk@example.org"/);
    assert.match(html, /href="\/politics\/story"/);
  });

  it('rejects protocol-relative links that would leave the site', () => {
    assert.equal(
      bodySchema.safeParse([{ type: 'paragraph', content: [{ text: 'x', href: '//evil.example' }] }]).success,
      false,
    );
  });

  it('renders "Read more" from the linked article\'s current headline, escaped', () => {
    const html = render([{ type: 'readMore', articleId: 7 }], new Map([[7, card]]));
    assert.match(
      html,
      /<strong>Read more:<\/strong> <a href="\/politics\/target-story">Current &lt;b>headline&lt;\/b> of the linked story<\/a>/,
    );
  });

  it('skips links to articles that are not published', () => {
    assert.equal(
      render([
        { type: 'readMore', articleId: 99 },
        { type: 'teaser', articleId: 99 },
      ]),
      '',
    );
  });

  it('rejects unknown block types on write and skips them on read', () => {
    assert.equal(bodySchema.safeParse([{ type: 'html', html: '<b>x</b>' }]).success, false);
    const read = readBody([{ type: 'html', html: '<b>x</b>' }, { type: 'divider' }, 'junk', null]);
    assert.deepEqual(read, [{ type: 'divider' }]);
  });

  it('renders embeds as a facade with no third-party request', () => {
    const html = render([
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc', title: 'Clip' },
    ]);
    assert.doesNotMatch(html, /<iframe|<script|<img/);
    assert.match(html, /<a class="embed-facade" href="https:\/\/www.youtube.com\/watch\?v=abc"/);
  });
});
