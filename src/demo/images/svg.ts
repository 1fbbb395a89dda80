/**
 * Minimal SVG builder. Scenes draw on a fixed 1600×900 canvas; the document's viewBox scales it to
 * whatever size the caller asks for, so scene code never deals with output dimensions.
 */

export const W = 1600;
export const H = 900;

export type Attrs = Record<string, string | number | undefined>;
/** Gradient stop: offset 0..1, colour, optional opacity. */
export type Stop = readonly [number, string, number?];
export type Point = readonly [number, number];

/** Round coordinates to keep documents small; sub-pixel precision is invisible after rasterising. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function attrs(values: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out += ` ${key}="${typeof value === 'number' ? n(value) : value}"`;
  }
  return out;
}

export function el(tag: string, values: Attrs, children?: string): string {
  return children === undefined
    ? `<${tag}${attrs(values)}/>`
    : `<${tag}${attrs(values)}>${children}</${tag}>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string, extra: Attrs = {}): string {
  return el('rect', { x, y, width: w, height: h, fill, ...extra });
}

export function circle(cx: number, cy: number, r: number, fill: string, extra: Attrs = {}): string {
  return el('circle', { cx, cy, r, fill, ...extra });
}

export function ellipse(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  fill: string,
  extra: Attrs = {},
): string {
  return el('ellipse', { cx, cy, rx, ry, fill, ...extra });
}

export function path(d: string, fill: string, extra: Attrs = {}): string {
  return el('path', { d, fill, ...extra });
}

export function line(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  stroke: string,
  width: number,
  extra: Attrs = {},
): string {
  return el('line', { x1, y1, x2, y2, stroke, 'stroke-width': width, ...extra });
}

export function polygon(points: readonly Point[], fill: string, extra: Attrs = {}): string {
  return el('polygon', { points: points.map(([x, y]) => `${n(x)},${n(y)}`).join(' '), fill, ...extra });
}

export function polyline(points: readonly Point[], stroke: string, width: number, extra: Attrs = {}): string {
  return el('polyline', {
    points: points.map(([x, y]) => `${n(x)},${n(y)}`).join(' '),
    fill: 'none',
    stroke,
    'stroke-width': width,
    'stroke-linejoin': 'round',
    'stroke-linecap': 'round',
    ...extra,
  });
}

export function group(children: string, extra: Attrs = {}): string {
  return el('g', extra, children);
}

/** Path data for a smooth curve through points (Catmull-Rom converted to cubic Béziers). */
export function smoothPath(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return '';
  let d = `M${n(first[0])},${n(first[1])}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[i + 2] ?? p2;
    if (!p0 || !p1 || !p2 || !p3) continue;
    const c1x = p1[0] + (p2[0] - p0[0]) / 6;
    const c1y = p1[1] + (p2[1] - p0[1]) / 6;
    const c2x = p2[0] - (p3[0] - p1[0]) / 6;
    const c2y = p2[1] - (p3[1] - p1[1]) / 6;
    d += `C${n(c1x)},${n(c1y)} ${n(c2x)},${n(c2y)} ${n(p2[0])},${n(p2[1])}`;
  }
  return d;
}

/** Collects defs (gradients, patterns) next to the drawing so helpers can return `url(#id)`. */
export class Svg {
  private readonly defs: string[] = [];
  private readonly body: string[] = [];
  private counter = 0;

  /** The drawing's own coordinate space; scenes use the default 1600×900. */
  constructor(
    private readonly viewWidth = W,
    private readonly viewHeight = H,
  ) {}

  add(...elements: string[]): void {
    this.body.push(...elements);
  }

  id(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  def(element: string): void {
    this.defs.push(element);
  }

  /** Vertical by default (top to bottom); pass a direction in 0..1 object units for others. */
  linear(stops: readonly Stop[], dir: { x1: number; y1: number; x2: number; y2: number } = vertical): string {
    const id = this.id('l');
    this.def(el('linearGradient', { id, ...dir }, stopsMarkup(stops)));
    return `url(#${id})`;
  }

  /** Radial gradient in user space, for glows and spotlights at known positions. */
  radial(stops: readonly Stop[], cx: number, cy: number, r: number, extra: Attrs = {}): string {
    const id = this.id('r');
    this.def(
      el('radialGradient', { id, cx, cy, r, gradientUnits: 'userSpaceOnUse', ...extra }, stopsMarkup(stops)),
    );
    return `url(#${id})`;
  }

  /**
   * Tiled pattern in user space, for textures such as windows, crowds and grain. Size and origin are
   * rounded to whole pixels: librsvg takes a slow resampling path (~5 ms per use) for fractional tiles.
   */
  pattern(width: number, height: number, content: string, origin: Point = [0, 0]): string {
    const id = this.id('p');
    const [x, y] = origin.map(Math.round);
    this.def(
      el(
        'pattern',
        { id, x, y, width: Math.round(width), height: Math.round(height), patternUnits: 'userSpaceOnUse' },
        content,
      ),
    );
    return `url(#${id})`;
  }

  clip(content: string): string {
    const id = this.id('c');
    this.def(el('clipPath', { id }, content));
    return `url(#${id})`;
  }

  render(width: number, height: number): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${this.viewWidth} ${this.viewHeight}" preserveAspectRatio="xMidYMid slice">` +
      `<defs>${this.defs.join('')}</defs>${this.body.join('')}</svg>`
    );
  }
}

const vertical = { x1: 0, y1: 0, x2: 0, y2: 1 };

function stopsMarkup(stops: readonly Stop[]): string {
  return stops
    .map(([offset, color, opacity]) =>
      el('stop', {
        offset,
        'stop-color': color,
        'stop-opacity': opacity === undefined ? undefined : opacity,
      }),
    )
    .join('');
}
