import { splitHighlights, type TextPiece } from './query.ts';

/**
 * Picks the passage shown under a search result from a text whose every match is marked (ts_headline
 * with HighlightAll, which marks identically on every PostgreSQL version; its own fragment choice does
 * not, so the choice is made here): up to two windows of words holding the most distinct matches, each
 * starting at a sentence when one begins just before the first match. Deterministic and pure.
 */
const windowWords = 20;
const lookBack = 8;

interface Token {
  text: string;
  match: boolean;
  space: boolean;
}

function tokens(marked: string): Token[] {
  const out: Token[] = [];
  for (const piece of splitHighlights(marked)) {
    for (const part of piece.text.split(/(\s+)/)) {
      if (part !== '') out.push({ text: part, match: piece.match, space: /^\s+$/.test(part) });
    }
  }
  return out;
}

const term = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function makeSnippet(marked: string, maxWindows = 2): TextPiece[] {
  const all = tokens(marked);
  const words = all.flatMap((token, index) => (token.space ? [] : [{ ...token, index }]));
  if (words.length === 0) return [];

  const windowAt = (start: number) => {
    const end = Math.min(words.length, start + windowWords);
    const terms = new Set<string>();
    let matches = 0;
    for (let i = start; i < end; i++) {
      const word = words[i];
      if (word?.match) {
        terms.add(term(word.text));
        matches++;
      }
    }
    return { start, end, terms, score: terms.size * 100 + matches };
  };

  const starts = new Set<number>();
  words.forEach((word, i) => {
    if (!word.match) return;
    let start = Math.max(0, i - 4);
    for (let j = i; j >= Math.max(0, i - lookBack); j--) {
      if (j === 0 || /[.!?”"’]$/.test(words[j - 1]?.text ?? '')) {
        start = j;
        break;
      }
    }
    starts.add(start);
  });
  const candidates = [...starts].map(windowAt).sort((a, b) => b.score - a.score || a.start - b.start);
  const chosen = candidates.length > 0 ? [candidates[0] as ReturnType<typeof windowAt>] : [windowAt(0)];
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= maxWindows) break;
    const overlaps = chosen.some((c) => candidate.start < c.end && c.start < candidate.end);
    const adds = [...candidate.terms].some((t) => !chosen.some((c) => c.terms.has(t)));
    if (!overlaps && adds) chosen.push(candidate);
  }
  chosen.sort((a, b) => a.start - b.start);

  const pieces: TextPiece[] = [];
  const push = (text: string, match: boolean) => {
    const last = pieces.at(-1);
    if (last && last.match === match) last.text += text;
    else pieces.push({ text, match });
  };
  chosen.forEach((window, n) => {
    if (n > 0) push(' … ', false);
    else if (window.start > 0) push('… ', false);
    const first = words[window.start]?.index ?? 0;
    const last = words[window.end - 1]?.index ?? first;
    for (let i = first; i <= last; i++) {
      const token = all[i];
      if (token) push(token.text, token.match && !token.space);
    }
  });
  const lastWindow = chosen.at(-1);
  if (lastWindow && lastWindow.end < words.length) push(' …', false);
  return pieces;
}
