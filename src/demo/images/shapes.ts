import type { Rng } from './random.ts';
import { circle, group, n, path, rect } from './svg.ts';

/** Conifer silhouette: stacked, slightly drooping tiers on a short trunk. */
export function pine(x: number, base: number, height: number, fill: string, rng: Rng): string {
  const width = height * rng.range(0.32, 0.42);
  const tiers = height > 60 ? 4 : 3;
  let d = '';
  for (let i = 0; i < tiers; i++) {
    const top = base - height + (i * height * 0.72) / tiers;
    const bottom = top + height * (0.42 - i * 0.02);
    const half = (width / 2) * ((i + 1.6) / (tiers + 0.6));
    d += `M${n(x)},${n(top)}L${n(x + half)},${n(bottom)}Q${n(x)},${n(bottom - height * 0.06)} ${n(x - half)},${n(bottom)}Z`;
  }
  const trunk = rect(x - height * 0.025, base - height * 0.12, height * 0.05, height * 0.12, fill);
  return trunk + path(d, fill);
}

/** Broadleaf tree: a trunk under a cluster of overlapping round crowns. */
export function roundTree(
  x: number,
  base: number,
  height: number,
  fill: string,
  rng: Rng,
  trunkFill = fill,
): string {
  const r = height * 0.3;
  const cy = base - height + r;
  let crown = '';
  for (let i = 0; i < 4; i++) {
    crown += circle(
      x + rng.range(-0.45, 0.45) * r,
      cy + rng.range(-0.25, 0.35) * r,
      r * rng.range(0.6, 0.85),
      fill,
    );
  }
  crown += circle(x, cy, r * 0.9, fill);
  return rect(x - height * 0.035, cy, height * 0.07, base - cy, trunkFill) + group(crown);
}

/** Row of lit and unlit windows on a facade. */
export function windows(
  rng: Rng,
  x: number,
  y: number,
  cols: number,
  rows: number,
  cell: { w: number; h: number; gapX: number; gapY: number },
  colors: { lit: string; dark: string },
  litShare: number,
): string {
  let out = '';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const lit = rng.next() < litShare;
      out += rect(
        x + c * (cell.w + cell.gapX),
        y + r * (cell.h + cell.gapY),
        cell.w,
        cell.h,
        lit ? colors.lit : colors.dark,
      );
    }
  }
  return out;
}
