import { DomainError } from '../../shared/errors.ts';
import { type Block, type Inline, isSafeHref } from '../articles/index.ts';

/**
 * The live console's quick format: plain text becomes article blocks. Blank lines separate blocks;
 * "- " lines make a list ("1. " a numbered one); "> " lines a quote (a last line "— Name" is its
 * attribution); **bold**, *italic* and [links](https://…) inside. Links obey the same rule as articles.
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => /^[-*•] /.test(line))) {
      blocks.push({ type: 'list', ordered: false, items: lines.map((l) => inlines(l.slice(2))) });
    } else if (lines.every((line) => /^\d{1,3}[.)] /.test(line))) {
      blocks.push({
        type: 'list',
        ordered: true,
        items: lines.map((l) => inlines(l.replace(/^\d+[.)] /, ''))),
      });
    } else if (lines[0]?.startsWith('>')) {
      const last = lines.at(-1) ?? '';
      const attribution = /^(—|--) ?/.test(last) ? last.replace(/^(—|--) ?/, '').trim() : undefined;
      const quoted = (attribution ? lines.slice(0, -1) : lines).map((l) => l.replace(/^> ?/, ''));
      blocks.push({
        type: 'quote',
        content: inlines(quoted.join(' ')),
        ...(attribution ? { attribution } : {}),
      });
    } else {
      blocks.push({ type: 'paragraph', content: inlines(lines.join(' ')) });
    }
  }
  return blocks;
}

const inlinePattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inlines(text: string): Inline[] {
  const runs: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const index = match.index ?? 0;
    if (index > last) runs.push({ text: text.slice(last, index) });
    const [, bold, italic, linkText, href] = match;
    if (bold !== undefined) runs.push({ text: bold, bold: true });
    else if (italic !== undefined) runs.push({ text: italic, italic: true });
    else if (linkText !== undefined && href !== undefined) {
      if (!isSafeHref(href)) {
        throw new DomainError(
          'validation_failed',
          `The link “${href.slice(0, 80)}” is not allowed: links must start with https://, http://, mailto: or /.`,
        );
      }
      runs.push({ text: linkText, href });
    }
    last = index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

/** The quick format for an entry, or null when it holds blocks the format cannot express (pictures…). */
export function blocksToText(blocks: readonly Block[]): string | null {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') parts.push(runsToText(block.content));
    else if (block.type === 'list') {
      parts.push(
        block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${runsToText(item)}`).join('\n'),
      );
    } else if (block.type === 'quote') {
      parts.push(`> ${runsToText(block.content)}${block.attribution ? `\n— ${block.attribution}` : ''}`);
    } else return null;
  }
  return parts.join('\n\n');
}

function runsToText(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      if (run.href) return `[${run.text}](${run.href})`;
      if (run.bold) return `**${run.text}**`;
      if (run.italic) return `*${run.text}*`;
      return run.text;
    })
    .join('');
}
