/**
 * Small seeded PRNG (mulberry32). Pictures must be identical for a given seed on every start,
 * so nothing here may touch Math.random.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // Scramble the seed (murmur3 finaliser): demo seeds are small consecutive integers, and raw
    // mulberry32 gives correlated first draws for those.
    let h = seed >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    this.state = (h ^ (h >>> 16)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return Math.floor(this.range(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick needs a non-empty list');
    return item;
  }

  /** Independent stream, so adding draws in one part of a picture does not shift the rest. */
  fork(salt: number): Rng {
    return new Rng(Math.imul(this.state ^ salt, 2654435761) ^ salt);
  }
}

/** Stable 32-bit hash of a string (FNV-1a), used to give each scene its own stream for one seed. */
export function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
