import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { blocksToDoc, type DocNode, docToBlocks } from '../../src/client/editor/mapping.ts';
import { schemaExtensions } from '../../src/client/editor/tiptap/extensions.ts';
import { type Block, bodySchema } from '../../src/modules/articles/blocks.ts';

/** One of every block, in every shape the server accepts. */
const everyBlock: Block[] = [
  {
    type: 'paragraph',
    content: [
      { text: 'The minister said ' },
      { text: 'on Thursday', bold: true },
      { text: ' that the ' },
      { text: 'plan', italic: true },
      { text: ' was ' },
      { text: 'both at once', bold: true, italic: true },
      { text: '. Read the ' },
      { text: 'full report', href: 'https://example.org/report?id=1&x=2' },
      { text: ', ' },
      { text: 'our coverage', href: '/politics/coverage', bold: true },
      { text: ' or ' },
      { text: 'write to us', href: 'mailto:news@example.org' },
      { text: '.' },
    ],
  },
  { type: 'heading', level: 2, text: 'What happens next' },
  { type: 'heading', level: 3, text: 'The timetable' },
  {
    type: 'list',
    ordered: false,
    items: [[{ text: 'First point' }], [{ text: 'Second ' }, { text: 'point', bold: true }]],
  },
  { type: 'list', ordered: true, items: [[{ text: 'One' }], [{ text: 'Two' }], [{ text: 'Three' }]] },
  {
    type: 'quote',
    content: [{ text: 'We will not be ' }, { text: 'moved', italic: true }],
    attribution: 'The defence secretary',
  },
  { type: 'quote', content: [{ text: 'Unattributed words' }] },
  { type: 'pullquote', text: 'It was never my ambition', attribution: 'Ben Wallace' },
  { type: 'pullquote', text: 'No attribution here' },
  { type: 'image', mediaId: 12 },
  {
    type: 'image',
    mediaId: 13,
    alt: 'Crowds outside',
    caption: 'Crowds gathered early.',
    credit: 'Picture: PA',
  },
  { type: 'image', mediaId: 14, alt: '' },
  {
    type: 'embed',
    provider: 'youtube',
    url: 'https://www.youtube.com/watch?v=abcdefgh',
    title: 'The speech',
  },
  {
    type: 'embed',
    provider: 'x',
    url: 'https://x.com/someone/status/123',
    title: 'Post',
    caption: 'Later deleted',
  },
  { type: 'embed', provider: 'video', url: 'https://cdn.example.org/clip.mp4', title: 'Clip' },
  { type: 'embed', provider: 'audio', url: 'https://cdn.example.org/podcast.mp3', title: 'Podcast' },
  { type: 'readMore', articleId: 41 },
  { type: 'teaser', articleId: 42 },
  { type: 'teaser', articleId: 43, kicker: 'Watch' },
  {
    type: 'factbox',
    title: 'Key facts',
    items: [[{ text: 'Founded 1949' }], [{ text: '32 ' }, { text: 'members', bold: true }]],
  },
  { type: 'divider' },
];

const schema = getSchema(schemaExtensions());

/** Through the real editor schema: parse the JSON into ProseMirror nodes, check them, and back. */
function throughEditor(blocks: Block[]): Block[] {
  const node = PMNode.fromJSON(schema, blocksToDoc(blocks));
  node.check();
  return docToBlocks(node.toJSON() as DocNode);
}

describe('blocks ⇄ editor document', () => {
  it('round-trips every block type unchanged', () => {
    assert.deepEqual(docToBlocks(blocksToDoc(everyBlock)), everyBlock);
  });

  for (const block of everyBlock) {
    it(`round-trips a ${block.type} block through the ProseMirror schema`, () => {
      assert.deepEqual(throughEditor([block]), [block]);
    });
  }

  it('produces documents the editor schema accepts, and blocks the server accepts', () => {
    const blocks = throughEditor(everyBlock);
    assert.deepEqual(blocks, everyBlock);
    const parsed = bodySchema.safeParse(blocks);
    assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
  });

  it('opens an empty body on one empty paragraph and saves it as no blocks', () => {
    const doc = blocksToDoc([]);
    assert.deepEqual(doc, { type: 'doc', content: [{ type: 'paragraph' }] });
    PMNode.fromJSON(schema, doc).check();
    assert.deepEqual(docToBlocks(doc), []);
  });

  it('skips block types it does not know', () => {
    const unknown = { type: 'poll', question: '?' } as unknown as Block;
    assert.deepEqual(docToBlocks(blocksToDoc([unknown, { type: 'divider' }])), [{ type: 'divider' }]);
  });
});

describe('links', () => {
  it('drops unsafe link targets when opening a body, keeping the words', () => {
    const doc = blocksToDoc([
      { type: 'paragraph', content: [{ text: 'click', href: 'javascript:alert(1)' }] } as Block,
    ]);
    assert.deepEqual(doc.content?.[0]?.content, [{ type: 'text', text: 'click' }]);
  });

  it('drops unsafe link targets coming out of the editor', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a', marks: [{ type: 'link', attrs: { href: 'data:text/html,<b>' } }] },
            { type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: '//evil.example' } }] },
            { type: 'text', text: 'c', marks: [{ type: 'link', attrs: { href: 'https://ok.example' } }] },
          ],
        },
      ],
    };
    assert.deepEqual(docToBlocks(doc), [
      { type: 'paragraph', content: [{ text: 'ab' }, { text: 'c', href: 'https://ok.example' }] },
    ]);
  });
});

describe('what the editor holds but readers never see', () => {
  const paragraph = (text: string): DocNode => ({
    type: 'paragraph',
    content: text ? [{ type: 'text', text }] : [],
  });

  it('merges neighbouring runs with the same style', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'b', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'c' },
          ],
        },
      ],
    };
    assert.deepEqual(docToBlocks(doc), [
      { type: 'paragraph', content: [{ text: 'ab', bold: true }, { text: 'c' }] },
    ]);
  });

  it('drops empty paragraphs, headings, list items and pull quotes', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        paragraph(''),
        paragraph('\u00a0 '),
        { type: 'heading', attrs: { level: 2 } },
        { type: 'pullquote', attrs: { attribution: 'Someone' } },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph('kept')] },
            { type: 'listItem', content: [paragraph('')] },
          ],
        },
        { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph('')] }] },
        paragraph('text'),
      ],
    };
    const blocks = docToBlocks(doc);
    assert.deepEqual(blocks, [
      { type: 'list', ordered: false, items: [[{ text: 'kept' }]] },
      { type: 'paragraph', content: [{ text: 'text' }] },
    ]);
  });

  it('keeps a titled fact box whose points are not written yet, in a shape the server accepts', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'factbox',
          attrs: { title: 'Key facts' },
          content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('')] }] }],
        },
        { type: 'factbox', attrs: { title: '' }, content: [{ type: 'bulletList', content: [] }] },
      ],
    };
    const blocks = docToBlocks(doc);
    assert.deepEqual(blocks, [{ type: 'factbox', title: 'Key facts', items: [[]] }]);
    assert.ok(bodySchema.safeParse(blocks).success);
  });

  it('leaves out cards that lost their reference', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'image', attrs: { mediaId: null, alt: 'x' } },
        { type: 'readMore', attrs: { articleId: 0 } },
        { type: 'teaser', attrs: { articleId: '7', kicker: null } },
        { type: 'embed', attrs: { provider: 'vimeo', url: 'https://vimeo.com/1', title: '' } },
      ],
    };
    assert.deepEqual(docToBlocks(doc), [{ type: 'teaser', articleId: 7 }]);
  });

  it('flattens stray paragraphs inside a list item into one item', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [paragraph('one'), paragraph('two')] }],
        },
      ],
    };
    assert.deepEqual(docToBlocks(doc), [{ type: 'list', ordered: false, items: [[{ text: 'one two' }]] }]);
  });
});
