import type { Block, Inline } from './types.ts';

/** Live word count and reading time for the status bar. Reading speed: about 230 words a minute. */

export const wordsPerMinute = 230;

function runsText(runs: readonly Inline[]): string {
  return runs.map((run) => run.text).join('');
}

/** The words a reader reads in a block; cards (pictures, embeds, links) count as none. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'quote':
      return runsText(block.content);
    case 'heading':
    case 'pullquote':
      return block.text;
    case 'list':
      return block.items.map(runsText).join(' ');
    case 'factbox':
      return [block.title, ...block.items.map(runsText)].join(' ');
    default:
      return '';
  }
}

export function countWords(text: string): number {
  // Letters or digits joined by apostrophes or hyphens make one word ("don't", "2023-24").
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function bodyWordCount(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + countWords(blockText(block)), 0);
}

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}

export function statsLabel(words: number): string {
  const minutes = readingMinutes(words);
  const wordsText = `${words.toLocaleString('en-GB')} ${words === 1 ? 'word' : 'words'}`;
  return minutes === 0 ? wordsText : `${wordsText} · ${minutes} min read`;
}
