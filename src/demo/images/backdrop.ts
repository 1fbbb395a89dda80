import { darken, lighten, mix } from './color.ts';
import type { Palette } from './palette.ts';
import type { Rng } from './random.ts';
import { circle, el, ellipse, group, H, n, type Point, path, rect, type Svg, smoothPath, W } from './svg.ts';

/** What every scene drawer receives. */
export interface Scene {
  svg: Svg;
  rng: Rng;
  pal: Palette;
}

/** Gradient sky down to the horizon (and a little beyond, so layers never show a gap). */
export function sky({ svg, pal }: Scene, horizon: number): void {
  // Full-height rect so a dip in the land never shows the bare canvas; the gradient ends at the horizon.
  const h = horizon / H;
  const fill = svg.linear([
    [0, pal.skyTop],
    [0.55 * h, pal.skyMid],
    [h, pal.skyBottom],
    [1, pal.skyBottom],
  ]);
  svg.add(rect(0, 0, W, H, fill));
}

/**
 * Sun (or moon at night) with a stepped halo of translucent rings. Radial gradients and blur are
 * slow in librsvg (tens of milliseconds each), and flat rings suit the illustration style anyway.
 */
export function sun({ svg, pal }: Scene, x: number, y: number, r: number): void {
  const glowColor = pal.time === 'night' ? lighten(pal.haze, 0.4) : lighten(pal.sun, 0.1);
  let halo = '';
  for (const [scale, alpha] of [
    [3.4, 0.05],
    [2.5, 0.07],
    [1.8, 0.09],
    [1.35, 0.12],
  ] as const) {
    halo += circle(x, y, r * scale, glowColor, { 'fill-opacity': alpha });
  }
  svg.add(halo, circle(x, y, r, pal.sun));
  if (pal.time === 'night') {
    // A few faint maria make the disc read as the moon.
    const maria = darken(pal.sun, 0.08);
    svg.add(
      circle(x - r * 0.3, y - r * 0.2, r * 0.28, maria),
      circle(x + r * 0.25, y + r * 0.3, r * 0.2, maria),
      circle(x + r * 0.35, y - r * 0.35, r * 0.12, maria),
    );
  }
}

/** Sun position: low for dawn and dusk, high in the day, moon anywhere up the sky at night. */
export function sunSpot({ rng, pal }: Scene, horizon: number): { x: number; y: number } {
  const x = rng.range(W * 0.15, W * 0.85);
  if (pal.time === 'day') return { x, y: rng.range(110, 220) };
  if (pal.time === 'night') return { x, y: rng.range(110, 260) };
  return { x, y: horizon - rng.range(40, 140) };
}

/** Sky, sun or moon, stars and clouds: the common top half of the outdoor built-environment scenes. */
export function openSky(scene: Scene, horizon: number, sunRadius = 38): { x: number; y: number } {
  sky(scene, horizon);
  const s = sunSpot(scene, horizon);
  if (scene.pal.time === 'night') stars(scene, 130, horizon - 120);
  sun(scene, s.x, s.y, scene.pal.time === 'night' ? sunRadius * 0.8 : sunRadius);
  weather(scene, 25, 240);
  return s;
}

/** Flat-bottomed cumulus from overlapping circles. */
export function cloud(scene: Scene, x: number, y: number, width: number, strength = 0.85): void {
  const { rng, pal, svg } = scene;
  // Blend into the sky instead of using group opacity, which costs an offscreen surface per cloud.
  const color = mix(pal.cloud, pal.skyMid, 1 - strength);
  const puffs = rng.int(3, 5);
  let parts = '';
  for (let i = 0; i < puffs; i++) {
    const t = (i + 0.5) / puffs;
    const r = width * (0.1 + 0.12 * Math.sin(Math.PI * t)) * rng.range(0.8, 1.15);
    parts += ellipse(x + width * (t - 0.5) * 0.8, y - r * 0.4, r * 1.35, r, color);
  }
  parts += el('rect', {
    x: x - width * 0.4,
    y: y - width * 0.06,
    width: width * 0.8,
    height: width * 0.06,
    rx: width * 0.03,
    fill: color,
  });
  svg.add(parts);
}

/** Long thin streaks, typical of dawn and dusk skies. */
export function streaks(scene: Scene, count: number, top: number, bottom: number): void {
  const { rng, pal, svg } = scene;
  const color = pal.time === 'day' ? pal.cloud : lighten(pal.cloud, 0.15);
  for (let i = 0; i < count; i++) {
    const w = rng.range(180, 520);
    const h = rng.range(6, 16);
    svg.add(
      el('rect', {
        x: rng.range(-100, W - 100),
        y: rng.range(top, bottom),
        width: w,
        height: h,
        rx: h / 2,
        fill: color,
        'fill-opacity': rng.range(0.25, 0.55),
      }),
    );
  }
}

/** Scatter clouds suited to the time of day (fewer and fainter at night). */
export function weather(scene: Scene, top: number, bottom: number): void {
  const { rng, pal } = scene;
  if (pal.time === 'dawn' || pal.time === 'dusk') streaks(scene, rng.int(3, 6), top, bottom);
  const count = pal.time === 'day' ? rng.int(2, 4) : rng.int(0, 2);
  for (let i = 0; i < count; i++) {
    const x = ((i + rng.range(0.1, 0.9)) / count) * W;
    const strength = pal.time === 'night' ? 0.3 : pal.time === 'day' ? 0.85 : 0.42;
    cloud(scene, x, rng.range(top + 60, bottom), rng.range(160, 300), strength);
  }
}

export function stars({ svg, rng, pal }: Scene, count: number, bottom: number): void {
  let dots = '';
  for (let i = 0; i < count; i++) {
    const r = rng.next() < 0.9 ? rng.range(0.6, 1.4) : rng.range(1.6, 2.4);
    // Denser towards the top, where the sky is darkest.
    dots += circle(rng.range(0, W), bottom * rng.next() ** 1.4, r, lighten(pal.sun, 0.3), {
      'fill-opacity': n(rng.range(0.35, 0.95)),
    });
  }
  svg.add(group(dots));
}

/** Distant flying birds: tiny stroked chevrons. */
export function birds({ svg, rng, pal }: Scene, x: number, y: number, count: number): void {
  let marks = '';
  for (let i = 0; i < count; i++) {
    const bx = x + rng.range(-120, 120);
    const by = y + rng.range(-50, 50);
    const s = rng.range(6, 11);
    marks += `M${n(bx - s)},${n(by - s * 0.4)}Q${n(bx - s * 0.4)},${n(by - s * 0.5)} ${n(bx)},${n(by)}Q${n(bx + s * 0.4)},${n(by - s * 0.5)} ${n(bx + s)},${n(by - s * 0.4)}`;
  }
  svg.add(
    path(marks, 'none', {
      stroke: pal.ink,
      'stroke-width': 2,
      'stroke-opacity': 0.55,
      'stroke-linecap': 'round',
    }),
  );
}

/**
 * Mountain skyline: a few triangular massifs (so peaks read clearly) on top of a rough ridge line.
 * Returns the outline and the peaks, which scenes use for snow and shading.
 */
export function massif(
  rng: Rng,
  base: number,
  count: number,
  height: readonly [number, number],
): { points: Point[]; peaks: { x: number; y: number; w: number }[] } {
  const peaks = Array.from({ length: count }, (_, i) => {
    const h = rng.range(height[0], height[1]);
    return { x: ((i + rng.range(0.15, 0.85)) / count) * W, h, w: h * rng.range(1.4, 2.3) };
  });
  const rough = ridgePoints(rng, base, 16, 0.62, 7);
  const points = rough.map(([x, y]) => {
    let lift = 0;
    for (const p of peaks) lift = Math.max(lift, p.h * Math.max(0, 1 - Math.abs(x - p.x) / p.w));
    return [x, y - lift] as const;
  });
  return { points, peaks: peaks.map((p) => ({ x: p.x, y: heightAt(points, p.x), w: p.w })) };
}

/** Ridge outline points by midpoint displacement: jagged for mountains, gentle for hills. */
export function ridgePoints(
  rng: Rng,
  base: number,
  amplitude: number,
  roughness: number,
  levels = 6,
): Point[] {
  let heights = [rng.range(-1, 1), rng.range(-1, 1)];
  let spread = 1;
  for (let level = 0; level < levels; level++) {
    const next: number[] = [];
    for (let i = 0; i < heights.length - 1; i++) {
      const a = heights[i] ?? 0;
      const b = heights[i + 1] ?? 0;
      next.push(a, (a + b) / 2 + rng.range(-spread, spread));
    }
    next.push(heights[heights.length - 1] ?? 0);
    heights = next;
    spread *= roughness;
  }
  const max = Math.max(...heights.map(Math.abs)) || 1;
  const step = (W + 40) / (heights.length - 1);
  return heights.map((h, i) => [i * step - 20, base - (h / max) * amplitude] as const);
}

/** Height of a ridge at x, interpolated between its points (to stand objects on it). */
export function heightAt(points: readonly Point[], x: number): number {
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a && b && x >= a[0] && x <= b[0]) return a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
  }
  return points[0]?.[1] ?? 0;
}

/** A filled land layer from ridge points down to the bottom edge. */
export function ridge(
  points: readonly Point[],
  fill: string,
  smooth: boolean,
  extra: Record<string, string | number> = {},
): string {
  const outline = smooth ? smoothPath(points) : `M${points.map(([x, y]) => `${n(x)},${n(y)}`).join('L')}`;
  return path(`${outline}L${W + 20},${H + 10}L-20,${H + 10}Z`, fill, extra);
}

/**
 * Water from the horizon down: optional mirrored scenery under a tinted wash (cheaper than group
 * opacity), shimmer lines, and a broken column of reflected sunlight.
 */
export function water(scene: Scene, top: number, sunX?: number, mirrored?: string): void {
  const { svg, rng, pal } = scene;
  const near = mix(pal.water, pal.skyBottom, 0.45);
  const far = darken(pal.water, 0.25);
  svg.add(
    rect(
      0,
      top,
      W,
      H - top,
      svg.linear([
        [0, near],
        [1, far],
      ]),
    ),
  );
  if (mirrored) {
    const clip = svg.clip(rect(0, top, W, H - top, '#000'));
    svg.add(
      group(group(mirrored, { transform: `translate(0 ${n(top * 2)}) scale(1 -1)` }), { 'clip-path': clip }),
      rect(
        0,
        top,
        W,
        H - top,
        svg.linear([
          [0, near, 0.55],
          [0.5, far, 0.8],
          [1, far, 0.95],
        ]),
      ),
    );
  }
  let lines = '';
  for (let i = 0; i < 70; i++) {
    const depth = rng.next();
    const y = top + 4 + depth ** 1.6 * (H - top);
    const w = 30 + depth * rng.range(60, 200);
    lines += rect(rng.range(-50, W), y, w, 1.5 + depth * 3, lighten(pal.water, 0.35), {
      rx: 2,
      'fill-opacity': n(0.12 + 0.2 * rng.next()),
    });
  }
  svg.add(lines);
  if (sunX !== undefined) {
    let column = '';
    for (let y = top + 4; y < H; y += rng.range(8, 16)) {
      const spread = 20 + (y - top) * 0.35;
      const w = rng.range(0.3, 1) * spread;
      column += rect(sunX - w / 2 + rng.range(-spread, spread) * 0.3, y, w, 2 + (y - top) * 0.012, pal.sun, {
        rx: 2,
        'fill-opacity': n(rng.range(0.35, 0.75)),
      });
    }
    svg.add(column);
  }
}

/**
 * Fine grain tile plus a soft vignette: gives flat vector art the texture of printed illustration.
 * The tile is small and seeded so it is cheap to rasterise and stable between runs.
 */
export function finish({ svg, rng, pal }: Scene, grain = 1): void {
  let specks = '';
  for (let i = 0; i < 90; i++) {
    const light = rng.next() < 0.5;
    specks += rect(rng.range(0, 96), rng.range(0, 96), 1.4, 1.4, light ? '#ffffff' : '#000000', {
      'fill-opacity': n(rng.range(0.04, 0.1) * grain),
    });
  }
  svg.add(rect(0, 0, W, H, svg.pattern(96, 96, specks)));
  vignette(svg, pal.ink);
}

/** Darkened edges from cheap linear gradients (a full-frame radial gradient costs ~40 ms to rasterise). */
function vignette(svg: Svg, color: string): void {
  const fade = (x1: number, y1: number, x2: number, y2: number) =>
    svg.linear(
      [
        [0, color, 0.3],
        [1, color, 0],
      ],
      { x1, y1, x2, y2 },
    );
  svg.add(
    rect(0, 0, 260, H, fade(0, 0, 1, 0)),
    rect(W - 260, 0, 260, H, fade(1, 0, 0, 0)),
    rect(0, H - 200, W, 200, fade(0, 1, 0, 0)),
    rect(0, 0, W, 140, fade(0, 0, 0, 1)),
  );
}

/** Translucent haze band between tree rows; this is what sells the depth. */
export function mist({ svg, pal }: Scene, y: number, height: number, strength: number): void {
  const fill = svg.linear([
    [0, pal.haze, 0],
    [0.6, pal.haze, 0.35 * strength + 0.1],
    [1, pal.haze, 0],
  ]);
  svg.add(rect(0, y, W, height, fill));
}
