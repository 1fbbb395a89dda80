import type { Inline } from '../../modules/articles/index.ts';
import type { SentenceUnit } from '../../modules/audio/index.ts';

/**
 * Cuts a piece of text (plain or inline runs) at the sentence ranges the speech script found, so each
 * sentence can be wrapped in `<span data-s="N">` for the audio player's highlight. Text between
 * sentences (spaces) stays outside any span. Pure: the renderer does the wrapping.
 */
export interface Segment {
  /** Index of the sentence in the whole script, or null for text between sentences. */
  sentence: number | null;
  runs: Inline[];
}

function clip(runs: readonly Inline[], from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const run of runs) {
    const start = at;
    const end = at + run.text.length;
    at = end;
    if (end <= from || start >= to) continue;
    out.push({
      ...run,
      text: run.text.slice(Math.max(0, from - start), Math.min(run.text.length, to - start)),
    });
  }
  return out;
}

export function segmentRuns(runs: readonly Inline[], unit: SentenceUnit): Segment[] {
  const length = runs.reduce((sum, run) => sum + run.text.length, 0);
  const segments: Segment[] = [];
  let at = 0;
  unit.ranges.forEach(([from, to], i) => {
    if (from > at) segments.push({ sentence: null, runs: clip(runs, at, from) });
    segments.push({ sentence: unit.start + i, runs: clip(runs, from, to) });
    at = to;
  });
  if (at < length) segments.push({ sentence: null, runs: clip(runs, at, length) });
  return segments;
}
