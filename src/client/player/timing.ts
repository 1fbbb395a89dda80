/** Pure helpers of the player island, tested on their own. */

/** Index of the sentence being read at `ms` (the last one that has started), or -1 before the first. */
export function sentenceAt(starts: readonly number[], ms: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? Number.POSITIVE_INFINITY) <= ms) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** 83 → "1:23"; 3723 → "1:02:03". */
export function clock(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** 83 → "1 minute 23 seconds", for screen readers. */
export function spoken(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const m = Math.floor(total / 60);
  const s = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (!m) return part(s, 'second');
  return s ? `${part(m, 'minute')} ${part(s, 'second')}` : part(m, 'minute');
}

export const rates = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** A stored rate, if it is one the player offers. */
export function parseRate(value: string | null): number | undefined {
  const rate = Number(value);
  return (rates as readonly number[]).includes(rate) ? rate : undefined;
}

/** A stored position worth resuming from: not the very start, not the last seconds. */
export function resumeAt(value: string | null, duration: number): number | undefined {
  const at = Number(value);
  if (!Number.isFinite(at) || at < 5 || at > duration - 5) return undefined;
  return at;
}
