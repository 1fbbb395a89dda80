import type { Pause } from './script.ts';

/**
 * Joins the clips of an article's sentences into one recording with even, natural pauses, and notes when
 * each sentence starts. Engines pad every clip with silence of their own; it is trimmed first so the
 * rhythm does not depend on the engine.
 */

export const pauseMs: Record<Pause, number> = {
  start: 250,
  sentence: 320,
  paragraph: 650,
  section: 900,
  title: 900,
};
const endMs = 600;
/** Samples quieter than this (about -42 dBFS) count as silence when trimming. */
const silenceThreshold = 260;
/** Kept either side of the speech when trimming, so soft consonants are not cut. */
const marginMs = 40;

export interface Assembled {
  pcm: Int16Array;
  sampleRate: number;
  durationMs: number;
  /** When each sentence starts, in milliseconds; one entry per clip, never decreasing. */
  sentenceStarts: number[];
}

export function trimSilence(clip: Int16Array, sampleRate: number): Int16Array {
  let first = 0;
  while (first < clip.length && Math.abs(clip[first] ?? 0) < silenceThreshold) first++;
  if (first === clip.length) return clip.subarray(0, 0);
  let last = clip.length - 1;
  while (last > first && Math.abs(clip[last] ?? 0) < silenceThreshold) last--;
  const margin = Math.round((marginMs / 1000) * sampleRate);
  return clip.subarray(Math.max(0, first - margin), Math.min(clip.length, last + 1 + margin));
}

export function assemble(
  clips: readonly Int16Array[],
  pauses: readonly Pause[],
  sampleRate: number,
): Assembled {
  const samplesFor = (ms: number) => Math.round((ms / 1000) * sampleRate);
  const trimmed = clips.map((clip) => trimSilence(clip, sampleRate));
  let total = samplesFor(endMs);
  trimmed.forEach((clip, i) => {
    total += samplesFor(pauseMs[pauses[i] ?? 'sentence']) + clip.length;
  });
  const pcm = new Int16Array(total);
  const sentenceStarts: number[] = [];
  let at = 0;
  trimmed.forEach((clip, i) => {
    at += samplesFor(pauseMs[pauses[i] ?? 'sentence']);
    sentenceStarts.push(Math.round((at / sampleRate) * 1000));
    pcm.set(clip, at);
    at += clip.length;
  });
  return { pcm, sampleRate, durationMs: Math.round((total / sampleRate) * 1000), sentenceStarts };
}

/** Root mean square level of a recording, 0 (silence) to 1 (full scale). */
export function rms(pcm: Int16Array): number {
  if (pcm.length === 0) return 0;
  let sum = 0;
  for (const sample of pcm) sum += sample * sample;
  return Math.sqrt(sum / pcm.length) / 32768;
}
