import { mix } from './color.ts';
import type { Rng } from './random.ts';

export type TimeOfDay = 'dawn' | 'day' | 'dusk' | 'night';

/** Colours shared by all outdoor scenes for one time of day. */
export interface Palette {
  time: TimeOfDay;
  skyTop: string;
  skyMid: string;
  skyBottom: string;
  /** Sun or moon disc. */
  sun: string;
  /** Glow around the sun and the colour far layers fade into. */
  haze: string;
  /** Nearest, darkest silhouette colour. */
  ink: string;
  /** Natural ground (grass, fields) before haze is applied. */
  land: string;
  /** Water surface base colour. */
  water: string;
  /** Lit windows and lamps. */
  light: string;
  /** Cloud colour. */
  cloud: string;
}

const palettes: Record<TimeOfDay, Omit<Palette, 'time'>> = {
  dawn: {
    skyTop: '#5d6ea8',
    skyMid: '#c99bb0',
    skyBottom: '#f7cfa8',
    sun: '#fff3d6',
    haze: '#eec3ae',
    ink: '#2c2a44',
    land: '#6f7d5c',
    water: '#7d86a8',
    light: '#ffe2a6',
    cloud: '#f6d2c4',
  },
  day: {
    skyTop: '#3f7fc0',
    skyMid: '#86b9de',
    skyBottom: '#d8ecf3',
    sun: '#fffbea',
    haze: '#cfe3ec',
    ink: '#1f3447',
    land: '#5e9a4f',
    water: '#3f7fa8',
    light: '#fff1c2',
    cloud: '#ffffff',
  },
  dusk: {
    skyTop: '#27305e',
    skyMid: '#a4507a',
    skyBottom: '#f59e5b',
    sun: '#ffd88a',
    haze: '#d98670',
    ink: '#1d1a2e',
    land: '#5b4a58',
    water: '#57477a',
    light: '#ffcf7a',
    cloud: '#d98a8e',
  },
  night: {
    skyTop: '#070d24',
    skyMid: '#152552',
    skyBottom: '#2e4474',
    sun: '#f3efdc',
    haze: '#2b3d68',
    ink: '#05080f',
    land: '#1b2a3a',
    water: '#14223f',
    light: '#ffd27d',
    cloud: '#34446e',
  },
};

export function palette(time: TimeOfDay): Palette {
  return { time, ...palettes[time] };
}

/** Pick a time of day; scenes may restrict the choice (a stadium is most striking under floodlights). */
export function pickPalette(
  rng: Rng,
  allowed: readonly TimeOfDay[] = ['dawn', 'day', 'dusk', 'night'],
): Palette {
  return palette(rng.pick(allowed));
}

/** Atmospheric perspective: depth 0 is the nearest layer (base colour), 1 the farthest (almost haze). */
export function atDepth(pal: Palette, base: string, depth: number): string {
  return mix(base, pal.haze, Math.min(0.92, depth * 0.9));
}

export function isDark(pal: Palette): boolean {
  return pal.time === 'night';
}
