import { darken } from './color.ts';
import type { Rng } from './random.ts';
import { type Point, polygon, type Svg } from './svg.ts';

/** Invented flags (not real countries): stripes, crosses, discs and chevrons in flag-like colours. */
const flagColors = ['#c8102e', '#0a3d91', '#f4f4f0', '#007a4d', '#f2c500', '#1a1a1a', '#5ba3dc', '#e07a10'];

type Shape = { points: Point[]; color: string };

function box(x0: number, y0: number, x1: number, y1: number, color: string): Shape {
  return {
    points: [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ],
    color,
  };
}

/** Flag artwork in unit coordinates (0..1 across, 0..1 down), before the wave is applied. */
function design(rng: Rng): Shape[] {
  const [a, b, c] = pickDistinct(rng);
  switch (rng.int(0, 5)) {
    case 0:
      return [box(0, 0, 1 / 3, 1, a), box(1 / 3, 0, 2 / 3, 1, b), box(2 / 3, 0, 1, 1, c)];
    case 1:
      return [box(0, 0, 1, 1 / 3, a), box(0, 1 / 3, 1, 2 / 3, b), box(0, 2 / 3, 1, 1, c)];
    case 2:
      return [box(0, 0, 1, 1, a), box(0.28, 0, 0.4, 1, b), box(0, 0.42, 1, 0.58, b)];
    case 3: {
      const disc: Point[] = Array.from({ length: 24 }, (_, i) => {
        const t = (i / 24) * Math.PI * 2;
        return [0.5 + Math.cos(t) * 0.2, 0.5 + Math.sin(t) * 0.3] as const;
      });
      return [box(0, 0, 1, 1, a), { points: disc, color: b }];
    }
    case 4:
      return [
        box(0, 0, 1, 0.5, a),
        box(0, 0.5, 1, 1, b),
        {
          points: [
            [0, 0],
            [0.42, 0.5],
            [0, 1],
          ],
          color: c,
        },
      ];
    default:
      return [box(0, 0, 1, 0.5, a), box(0, 0.5, 1, 1, b)];
  }
}

function pickDistinct(rng: Rng): [string, string, string] {
  const pool = [...flagColors];
  const take = () => pool.splice(Math.floor(rng.next() * pool.length), 1)[0] ?? '#ffffff';
  return [take(), take(), take()];
}

/** Split long edges so the wave can bend them. */
function subdivide(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    if (!a || !b) continue;
    const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 0.08));
    for (let s = 0; s < steps; s++)
      out.push([a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps]);
  }
  return out;
}

/**
 * A waving flag with its hoist at (x, y). The wave grows toward the fly end; a horizontal gradient
 * of light and shade on top suggests the folds.
 */
export function flag(
  svg: Svg,
  rng: Rng,
  x: number,
  y: number,
  width: number,
  dim: (c: string) => string,
): string {
  const height = width * 0.64;
  const phase = rng.range(0, Math.PI * 2);
  const amp = height * 0.09;
  const warp = ([u, v]: Point): Point => [
    x + u * width * (1 - 0.04 * Math.sin(u * 6 + phase)),
    y + v * height + Math.sin(u * 7 + phase) * amp * u,
  ];
  let out = '';
  for (const shape of design(rng)) out += polygon(subdivide(shape.points).map(warp), dim(shape.color));
  const folds = svg.linear(
    Array.from({ length: 7 }, (_, i) => {
      const t = i / 6;
      return [t, i % 2 === 0 ? '#ffffff' : '#000000', 0.12 * t] as const;
    }),
    { x1: 0, y1: 0, x2: 1, y2: 0 },
  );
  out += polygon(subdivide(box(0, 0, 1, 1, '').points).map(warp), folds);
  return out;
}

/** Shade a flag colour for dusk or night without losing the design. */
export function flagDimmer(amount: number): (c: string) => string {
  return (c) => darken(c, amount);
}
