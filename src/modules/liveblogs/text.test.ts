import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../shared/errors.ts';
import { entryLabel } from './entry.ts';
import { blocksToText, textToBlocks } from './text.ts';

describe('the live console’s quick text format', () => {
  it('makes paragraphs, lists and quotes with bold, italic and links', () => {
    const blocks = textToBlocks(
      'First **bold** and *italic* with a [link](https://example.org/a).\r\nSame paragraph.\n\n- one\n- two\n\n1. first\n2. second\n\n> Quoted words\n— A Speaker',
    );
    assert.deepEqual(blocks, [
      {
        type: 'paragraph',
        content: [
          { text: 'First ' },
          { text: 'bold', bold: true },
          { text: ' and ' },
          { text: 'italic', italic: true },
          { text: ' with a ' },
          { text: 'link', href: 'https://example.org/a' },
          { text: '. Same paragraph.' },
        ],
      },
      { type: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] },
      { type: 'list', ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] },
      { type: 'quote', content: [{ text: 'Quoted words' }], attribution: 'A Speaker' },
    ]);
    assert.deepEqual(textToBlocks(blocksToText(blocks) ?? ''), blocks);
  });

  it('round-trips what it can express and declines what it cannot', () => {
    const text = 'A **b** *c* [d](/politics)\n\n- e\n\n> f\n— g';
    assert.equal(blocksToText(textToBlocks(text)), text);
    assert.equal(blocksToText([{ type: 'divider' }]), null);
  });

  it('refuses links the articles refuse, with a clear message', () => {
    assert.throws(
      () => textToBlocks('[x](javascript:alert(1))'),
      (error) => error instanceof DomainError && error.code === 'validation_failed',
    );
  });

  it('labels an entry by its title, else by the start of its text', () => {
    assert.equal(entryLabel({ title: 'Title', body: [] }), 'Title');
    const long = textToBlocks('word '.repeat(60));
    assert.ok(entryLabel({ title: null, body: long }).endsWith('…'));
    assert.ok(entryLabel({ title: null, body: long }).length <= 91);
  });
});
