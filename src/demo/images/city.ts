import type { Scene } from './backdrop.ts';
import { darken, lighten, mix } from './color.ts';
import type { Palette } from './palette.ts';
import type { Rng } from './random.ts';
import { el, group, line, n, polygon, rect } from './svg.ts';

/** Share of windows lit, by time of day. */
export function litShare(pal: Palette): number {
  return { dawn: 0.12, day: 0, dusk: 0.3, night: 0.5 }[pal.time];
}

/**
 * Window grid as a tiled pattern anchored on the facade: one small seeded tile instead of hundreds of
 * rects keeps both the document and the rasterising cheap. With wall 'none' only lit panes are drawn,
 * as an overlay for glass facades.
 */
export function windowFill(
  scene: Scene,
  x: number,
  y: number,
  cell: { w: number; h: number; gapX: number; gapY: number },
  wall: string,
): string {
  const { svg, rng, pal } = scene;
  const cols = 5;
  const rows = 4;
  const tw = cols * (cell.w + cell.gapX);
  const th = rows * (cell.h + cell.gapY);
  const share = litShare(pal);
  const overlay = wall === 'none';
  const dark = overlay ? 'none' : pal.time === 'day' ? mix(wall, pal.skyMid, 0.45) : darken(wall, 0.3);
  let tile = overlay ? '' : rect(0, 0, tw, th, wall);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const lit = rng.next() < share;
      const color = lit ? (overlay ? pal.light : mix(pal.light, wall, rng.range(0, 0.3))) : dark;
      tile += rect(
        c * (cell.w + cell.gapX) + cell.gapX / 2,
        r * (cell.h + cell.gapY) + cell.gapY / 2,
        cell.w,
        cell.h,
        color,
      );
    }
  }
  return svg.pattern(tw, th, tile, [x, y]);
}

export interface BuildingStyle {
  color: string;
  /** Draw windows (near layers); far layers stay plain silhouettes. */
  windows: boolean;
  /** Which side faces the light: shade goes on the other. */
  lightFromLeft: boolean;
}

/** One tower block with a seeded roof line, side shading and optional windows. */
export function building(
  scene: Scene,
  x: number,
  base: number,
  w: number,
  h: number,
  style: BuildingStyle,
): string {
  const { rng, pal } = scene;
  const top = base - h;
  let out = rect(x, top, w, h, style.color);
  if (style.windows && w > 40) {
    const cell = rng.pick([
      { w: 7, h: 10, gapX: 6, gapY: 8 },
      { w: 12, h: 8, gapX: 4, gapY: 9 },
      { w: 5, h: 14, gapX: 4, gapY: 6 },
    ]);
    out += rect(x + 6, top + 12, w - 12, h - 12, windowFill(scene, x + 6, top + 12, cell, style.color));
  }
  const shadeW = w * 0.28;
  const shade = darken(style.color, pal.time === 'night' ? 0.25 : 0.14);
  out += rect(style.lightFromLeft ? x + w - shadeW : x, top, shadeW, h, shade, { 'fill-opacity': 0.55 });
  out += roof(rng, x, top, w, style.color);
  return out;
}

function roof(rng: Rng, x: number, top: number, w: number, color: string): string {
  const kind = rng.pick([
    'flat',
    'flat',
    'flat',
    'step',
    'step',
    'antenna',
    'crown',
    'spire',
    'slant',
  ] as const);
  const cx = x + w / 2;
  switch (kind) {
    case 'step':
      return (
        rect(x + w * 0.15, top - w * 0.18, w * 0.7, w * 0.18 + 1, color) +
        rect(x + w * 0.3, top - w * 0.32, w * 0.4, w * 0.15, color)
      );
    case 'antenna':
      return (
        rect(x + w * 0.25, top - 14, w * 0.5, 15, color) +
        line(cx, top - 14, cx, top - 14 - w * 0.9, color, 3)
      );
    case 'spire':
      return (
        rect(x + w * 0.2, top - w * 0.2, w * 0.6, w * 0.2 + 1, color) +
        polygon(
          [
            [x + w * 0.32, top - w * 0.2],
            [cx, top - w * 0.75],
            [x + w * 0.68, top - w * 0.2],
          ],
          color,
        )
      );
    case 'slant':
      return polygon(
        [
          [x, top + 1],
          [x, top - w * 0.22],
          [x + w, top + 1],
        ],
        color,
      );
    case 'crown':
      return rect(x + 4, top - 10, w - 8, 11, color) + rect(x + w * 0.3, top - 30, w * 0.4, 21, color);
    default:
      return rect(x - 3, top - 5, w + 6, 6, lighten(color, 0.05));
  }
}

/** A row of buildings filling the width, between the given height limits. */
export function skyline(
  scene: Scene,
  base: number,
  heights: readonly [number, number],
  widths: readonly [number, number],
  style: BuildingStyle,
): string {
  const { rng } = scene;
  let out = '';
  let x = -rng.range(0, 60);
  // Small hue shifts between neighbours keep a row from reading as one flat block.
  const tints = ['#8a9bb0', '#c2a487', '#9fb0a4', '#7d8799', '#b09aa8', '#d0c4b0'];
  const jitter = scene.pal.time === 'night' ? 0.08 : 0.35;
  while (x < 1620) {
    const w = rng.range(widths[0], widths[1]);
    const h = rng.range(heights[0], heights[1]) * (rng.chance(0.12) ? 1.45 : 1);
    const color = mix(style.color, rng.pick(tints), rng.range(0, jitter));
    out += building(scene, x, base, w, h, { ...style, color });
    x += w + rng.range(-w * 0.2, 8);
  }
  return out;
}

/** Tiny street lamps along a quay or embankment, lit after dark. */
export function lamps(pal: Palette, y: number, spacing: number, height: number, color: string): string {
  let out = '';
  const lit = pal.time === 'night' || pal.time === 'dusk';
  for (let x = spacing / 2; x < 1600; x += spacing) {
    out +=
      rect(x - 1.5, y - height, 3, height, color) +
      el('circle', { cx: n(x), cy: n(y - height), r: 5, fill: lit ? pal.light : color });
    if (lit)
      out += el('circle', { cx: n(x), cy: n(y - height), r: 16, fill: pal.light, 'fill-opacity': 0.18 });
  }
  return group(out);
}
