import { finish, type Scene } from '../backdrop.ts';
import { darken, lighten, mix } from '../color.ts';
import { circle, el, group, H, line, n, type Point, path, polyline, rect, W } from '../svg.ts';

/** Indoor scenes use the palette only for mood: bright by day, dim and glowing otherwise. */
function dim(scene: Scene): boolean {
  return scene.pal.time === 'night' || scene.pal.time === 'dusk';
}

const liquids = ['#2bb3a3', '#e0567a', '#f2a93b', '#5b8def', '#7bc96f', '#a66cf0'];

interface Glass {
  outline: string;
  fill: string;
}

function glassStyle(scene: Scene): Glass {
  return dim(scene) ? { outline: '#9fc3d6', fill: '#ffffff' } : { outline: '#ffffff', fill: '#ffffff' };
}

/** Glass body: faint fill, bright rim, and a vertical highlight for the curved surface. */
function glassBody(d: string, g: Glass): string {
  return path(d, g.fill, {
    'fill-opacity': 0.18,
    stroke: g.outline,
    'stroke-width': 3,
    'stroke-opacity': 0.8,
    'stroke-linejoin': 'round',
  });
}

/** Conical (Erlenmeyer) flask; straight sides make the liquid a simple trapezoid. */
function erlenmeyer(x: number, base: number, s: number, liquid: string, level: number, g: Glass): string {
  const neck = s * 0.12;
  const top = base - s * 1.15;
  const shoulder = top + s * 0.38;
  const half = s * 0.46;
  const sideAt = (y: number) => neck + ((half - neck) * (y - shoulder)) / (base - shoulder);
  const ly = base - (base - shoulder) * level;
  const liquidPath = `M${n(x - sideAt(ly))},${n(ly)}L${n(x - half)},${n(base - 4)}H${n(x + half)}L${n(x + sideAt(ly))},${n(ly)}Z`;
  const body = `M${n(x - neck)},${n(top)}V${n(shoulder)}L${n(x - half)},${n(base - 6)}Q${n(x - half)},${n(base)} ${n(x - half + 8)},${n(base)}H${n(x + half - 8)}Q${n(x + half)},${n(base)} ${n(x + half)},${n(base - 6)}L${n(x + neck)},${n(shoulder)}V${n(top)}Z`;
  return (
    path(liquidPath, liquid, { 'fill-opacity': 0.85 }) +
    glassBody(body, g) +
    rect(x - neck - 5, top - 4, neck * 2 + 10, 8, g.outline, { rx: 3, 'fill-opacity': 0.8 }) +
    path(`M${n(x - neck * 0.4)},${n(shoulder + 10)}L${n(x - half * 0.62)},${n(base - 20)}`, 'none', {
      stroke: '#ffffff',
      'stroke-width': 5,
      'stroke-opacity': 0.45,
      'stroke-linecap': 'round',
    })
  );
}

/** Round-bottomed flask on a ring stand. */
function roundFlask(
  x: number,
  base: number,
  s: number,
  liquid: string,
  level: number,
  g: Glass,
  metal: string,
): string {
  const r = s * 0.42;
  const cy = base - r - s * 0.12;
  const neck = s * 0.1;
  const top = cy - r - s * 0.5;
  const ly = cy + r - 2 * r * level;
  const half = Math.sqrt(Math.max(0, r * r - (ly - cy) ** 2));
  const large = ly < cy ? 1 : 0;
  const liquidPath = `M${n(x - half)},${n(ly)}A${n(r)},${n(r)} 0 ${large} 0 ${n(x + half)},${n(ly)}Z`;
  const stand =
    rect(x - r * 1.3, base - 6, r * 2.6, 6, metal) +
    rect(x + r * 1.1, top - 20, 6, base - top + 20, metal) +
    rect(x, cy - r * 0.2, r * 1.15, 5, metal);
  return (
    stand +
    path(liquidPath, liquid, { 'fill-opacity': 0.85 }) +
    glassBody(
      `M${n(x - neck)},${n(top)}V${n(cy - r * 0.95)}A${n(r)},${n(r)} 0 1 0 ${n(x + neck)},${n(cy - r * 0.95)}V${n(top)}Z`,
      g,
    ) +
    path(
      `M${n(x - r * 0.55)},${n(cy - r * 0.35)}A${n(r * 0.7)},${n(r * 0.7)} 0 0 0 ${n(x - r * 0.4)},${n(cy + r * 0.5)}`,
      'none',
      { stroke: '#ffffff', 'stroke-width': 5, 'stroke-opacity': 0.45, 'stroke-linecap': 'round' },
    )
  );
}

/** Beaker with graduation ticks (marks only, no numbers). */
function beaker(
  x: number,
  base: number,
  w: number,
  h: number,
  liquid: string,
  level: number,
  g: Glass,
): string {
  let out = rect(x - w / 2 + 3, base - h * level, w - 6, h * level - 3, liquid, { 'fill-opacity': 0.8 });
  out += glassBody(
    `M${n(x - w / 2 - 6)},${n(base - h)}L${n(x - w / 2)},${n(base - h + 8)}V${n(base)}H${n(x + w / 2)}V${n(base - h)}`,
    g,
  );
  for (let i = 1; i < 5; i++)
    out += line(x + w / 2 - 18, base - (h * i) / 5, x + w / 2 - 4, base - (h * i) / 5, g.outline, 2, {
      'stroke-opacity': 0.7,
    });
  return out;
}

function testTubes(x: number, base: number, scene: Scene, g: Glass, wood: string): string {
  const { rng } = scene;
  let out =
    rect(x - 20, base - 70, 240, 16, wood) +
    rect(x - 20, base - 12, 240, 12, wood) +
    rect(x - 14, base - 70, 10, 70, wood) +
    rect(x + 206, base - 70, 10, 70, wood);
  for (let i = 0; i < 6; i++) {
    const tx = x + 10 + i * 36;
    const top = base - 170;
    const ly = top + rng.range(50, 110);
    out += el('rect', {
      x: tx - 2,
      y: ly,
      width: 24,
      height: base - 16 - ly,
      rx: 11,
      fill: rng.pick(liquids),
      'fill-opacity': 0.85,
    });
    out += el('rect', {
      x: tx - 2,
      y: top,
      width: 24,
      height: base - 16 - top,
      rx: 11,
      fill: g.fill,
      'fill-opacity': 0.15,
      stroke: g.outline,
      'stroke-width': 2.5,
      'stroke-opacity': 0.8,
    });
  }
  return out + rect(x - 20, base - 70, 240, 16, wood);
}

function microscope(x: number, base: number, color: string): string {
  const dark = darken(color, 0.35);
  return (
    el('rect', { x: x - 80, y: base - 22, width: 160, height: 22, rx: 8, fill: color }) +
    path(
      `M${x + 30},${base - 22}C${x + 60},${base - 120} ${x + 40},${base - 200} ${x - 10},${base - 240}L${x + 20},${base - 260}C${x + 90},${base - 200} ${x + 100},${base - 110} ${x + 60},${base - 22}Z`,
      color,
    ) +
    rect(x - 60, base - 110, 90, 12, dark) +
    el('rect', {
      x: x - 40,
      y: base - 300,
      width: 34,
      height: 150,
      rx: 8,
      fill: dark,
      transform: `rotate(-28 ${x - 23} ${base - 225})`,
    }) +
    circle(x + 48, base - 140, 16, dark)
  );
}

/** Ball-and-stick molecule panel on the back wall. */
function molecule({ rng }: Scene, cx: number, cy: number, r: number, color: string, atom: string): string {
  let bonds = '';
  let atoms = '';
  const ring: Point[] = Array.from(
    { length: 6 },
    (_, i) => [cx + Math.cos((i * Math.PI) / 3) * r, cy + Math.sin((i * Math.PI) / 3) * r] as const,
  );
  for (const [i, [x, y]] of ring.entries()) {
    const next = ring[(i + 1) % 6];
    if (next) bonds += line(x, y, next[0], next[1], color, 6);
    if (rng.chance(0.6)) {
      const ox = cx + (x - cx) * 1.8;
      const oy = cy + (y - cy) * 1.8;
      bonds += line(x, y, ox, oy, color, 6);
      atoms += circle(ox, oy, r * 0.2, rng.pick([atom, lighten(atom, 0.4), '#e0567a']));
    }
    atoms += circle(x, y, r * 0.26, atom);
  }
  return bonds + atoms;
}

export function laboratory(scene: Scene): void {
  const { svg, rng } = scene;
  const dark = dim(scene);
  const wallTop = dark ? '#16263a' : '#e4edf0';
  const wallBottom = dark ? '#0f1a29' : '#c9d9df';
  svg.add(
    rect(
      0,
      0,
      W,
      H,
      svg.linear([
        [0, wallTop],
        [1, wallBottom],
      ]),
    ),
  );
  const tile = svg.pattern(
    80,
    80,
    rect(0, 0, 80, 80, 'none', { stroke: dark ? '#223650' : '#d6e2e6', 'stroke-width': 2 }),
  );
  svg.add(rect(0, 400, W, 260, tile));
  // Daylight from a window off to one side, as a pale diagonal wash.
  const wash = svg.linear(
    [
      [0, '#ffffff', dark ? 0.04 : 0.35],
      [1, '#ffffff', 0],
    ],
    { x1: 0, y1: 0, x2: 1, y2: 0.3 },
  );
  svg.add(path(`M0,0H${rng.range(500, 800)}L${rng.range(1000, 1300)},${H}H0Z`, wash));
  const shelfColor = dark ? '#2a3d55' : '#f7fafb';
  const shelfX = rng.range(80, 200);
  let shelves = '';
  for (const y of [190, 350]) {
    shelves += rect(shelfX, y, 620, 12, shelfColor) + rect(shelfX, y + 12, 620, 6, darken(shelfColor, 0.2));
    for (let x = shelfX + 20; x < shelfX + 590; x += rng.range(50, 80)) {
      const h = rng.range(50, 100);
      const c = mix(rng.pick(liquids), dark ? '#0f1a29' : '#ffffff', 0.35);
      shelves +=
        el('rect', { x, y: y - h, width: 34, height: h, rx: 6, fill: c }) +
        rect(x + 9, y - h - 12, 16, 14, darken(c, 0.2));
    }
  }
  svg.add(shelves);
  svg.add(
    el('rect', { x: 1040, y: 110, width: 420, height: 300, rx: 10, fill: dark ? '#1d3048' : '#f7fafb' }),
  );
  svg.add(molecule(scene, 1250, 260, 62, dark ? '#5d7a99' : '#9fb4c2', rng.pick(liquids)));
  const bench = 680;
  svg.add(
    rect(0, bench, W, 30, dark ? '#2b3140' : '#3f4a5a'),
    rect(0, bench + 30, W, H - bench - 30, dark ? '#1d2533' : '#dfe6ea'),
  );
  for (let x = 0; x < W; x += 320) {
    svg.add(
      rect(x + 4, bench + 50, 312, 200, 'none', { stroke: dark ? '#2b3545' : '#c7d1d6', 'stroke-width': 3 }),
      rect(x + 130, bench + 76, 60, 8, dark ? '#3b4658' : '#aab6bd', { rx: 4 }),
    );
  }
  const g = glassStyle(scene);
  const metal = dark ? '#5d6b80' : '#8a96a3';
  const picks = [...liquids].sort(() => rng.next() - 0.5);
  const at = rng.range(-60, 60);
  const base = bench + 2;
  svg.add(group(microscope(1390 + at * 0.5, base, dark ? '#d5dde6' : '#f4f6f8')));
  svg.add(testTubes(150 + at, base, scene, g, dark ? '#6b4a36' : '#b98a5e'));
  svg.add(roundFlask(540 + at, base, 260, picks[0] ?? '#2bb3a3', rng.range(0.3, 0.55), g, metal));
  svg.add(erlenmeyer(820 + at, base, 340, picks[1] ?? '#e0567a', rng.range(0.3, 0.6), g));
  svg.add(beaker(1090 + at, base, 160, 190, picks[2] ?? '#f2a93b', rng.range(0.35, 0.7), g));
  finish(scene, 0.8);
}

/** Top-down circuit board: a central chip whose pins fan out into traces ending in pads. */
export function circuits(scene: Scene): void {
  const { svg, rng } = scene;
  const board = rng.pick(['#0d3b2e', '#0d2340', '#2a1540', '#0e3340']);
  const copper = rng.pick(['#d6a85a', '#5fe0a8', '#6cc6ff']);
  svg.add(
    rect(
      0,
      0,
      W,
      H,
      svg.linear(
        [
          [0, lighten(board, 0.06)],
          [1, darken(board, 0.25)],
        ],
        { x1: 0, y1: 0, x2: 1, y2: 1 },
      ),
    ),
  );
  svg.add(rect(0, 0, W, H, svg.pattern(40, 40, circle(20, 20, 1.6, lighten(board, 0.18)))));
  const cx = 800 + rng.range(-220, 220);
  const cy = 450 + rng.range(-80, 80);
  const size = rng.range(250, 320);
  svg.add(traces(scene, cx, cy, size, copper, board));
  svg.add(chip(cx, cy, size, copper));
  finish(scene, 0.7);
}

function traces({ rng }: Scene, cx: number, cy: number, size: number, copper: string, board: string): string {
  const pins = 12;
  const pitch = size / (pins + 1);
  const dim = mix(copper, board, 0.45);
  let out = '';
  let pulses = '';
  for (let side = 0; side < 4; side++) {
    const angle = (side * Math.PI) / 2;
    const ux = Math.cos(angle);
    const uy = Math.sin(angle);
    for (let i = 0; i < pins; i++) {
      const t = (i + 1) * pitch - size / 2;
      // Local frame: out along (ux, uy), across along (-uy, ux). Fan-out is proportional to t so traces never cross.
      const pt = (along: number, across: number): Point => [
        cx + ux * along - uy * across,
        cy + uy * along + ux * across,
      ];
      const start = size / 2 + 14;
      const bend = start + 20 + rng.range(0, 12);
      const spread = t * rng.range(1.2, 1.5);
      const end = bend + Math.abs(spread - t) + rng.range(80, 360);
      const pts = [pt(start, t), pt(bend, t), pt(bend + Math.abs(spread - t), spread), pt(end, spread)];
      const bright = rng.chance(0.3);
      out += polyline(pts, bright ? copper : dim, 4);
      const [ex, ey] = pts[3] ?? [0, 0];
      out += circle(ex, ey, 7, board, { stroke: bright ? copper : dim, 'stroke-width': 3 });
      if (bright && rng.chance(0.6)) {
        const [px, py] = pt(
          bend + Math.abs(spread - t) + rng.range(20, end - bend - Math.abs(spread - t)),
          spread,
        );
        pulses +=
          circle(px, py, 14, copper, { 'fill-opacity': 0.18 }) + circle(px, py, 5, lighten(copper, 0.6));
      }
    }
  }
  return out + pulses;
}

function chip(cx: number, cy: number, size: number, copper: string): string {
  const half = size / 2;
  const pins = 12;
  const pitch = size / (pins + 1);
  let out = '';
  for (let i = 0; i < pins; i++) {
    const t = (i + 1) * pitch - half;
    out +=
      rect(cx + t - 4, cy - half - 16, 8, 18, '#c9ced6') + rect(cx + t - 4, cy + half - 2, 8, 18, '#c9ced6');
    out +=
      rect(cx - half - 16, cy + t - 4, 18, 8, '#c9ced6') + rect(cx + half - 2, cy + t - 4, 18, 8, '#c9ced6');
  }
  out += el('rect', {
    x: cx - half + 8,
    y: cy - half + 12,
    width: size,
    height: size,
    rx: 14,
    fill: '#000000',
    'fill-opacity': 0.35,
  });
  out += el('rect', { x: cx - half, y: cy - half, width: size, height: size, rx: 14, fill: '#1c1f26' });
  out += el('rect', {
    x: cx - half + 18,
    y: cy - half + 18,
    width: size - 36,
    height: size - 36,
    rx: 8,
    fill: '#262a33',
  });
  out += el('rect', {
    x: cx - size * 0.18,
    y: cy - size * 0.18,
    width: size * 0.36,
    height: size * 0.36,
    rx: 4,
    fill: 'none',
    stroke: copper,
    'stroke-width': 3,
    'stroke-opacity': 0.7,
  });
  out += circle(cx - half + 36, cy - half + 36, 8, '#3a3f4a');
  return out;
}

/** Trading-floor wall: dim monitors with small charts behind one large trend line. */
export function markets(scene: Scene): void {
  const { svg, rng } = scene;
  const rising = rng.chance(0.5);
  const up = '#2ecc8f';
  const down = '#ef5a5a';
  const main = rising ? up : down;
  const bg = rng.pick(['#0c1424', '#101522', '#0d1b24']);
  svg.add(
    rect(
      0,
      0,
      W,
      H,
      svg.linear([
        [0, lighten(bg, 0.06)],
        [1, darken(bg, 0.3)],
      ]),
    ),
  );
  monitors(scene, bg, up, down);
  svg.add(rect(0, 0, W, H, bg, { 'fill-opacity': 0.45 }));
  bigChart(scene, main, rising, bg);
  finish(scene, 0.7);
}

function monitors({ svg, rng }: Scene, bg: string, up: string, down: string): void {
  let out = '';
  const cols = 4;
  const w = W / cols;
  for (let row = 0; row < 2; row++) {
    for (let c = 0; c < cols; c++) {
      const x = c * w + 16 + (row % 2) * (w / 2) - w / 4;
      const y = 40 + row * 300;
      out += el('rect', {
        x,
        y,
        width: w - 32,
        height: 260,
        rx: 10,
        fill: lighten(bg, 0.08),
        stroke: lighten(bg, 0.2),
        'stroke-width': 3,
      });
      if (rng.chance(0.5)) out += candles(rng, x + 20, y + 30, w - 72, 200, up, down);
      else out += miniLine(rng, x + 20, y + 30, w - 72, 200, rng.chance(0.5) ? up : down);
    }
  }
  svg.add(out);
}

function candles(
  rng: Scene['rng'],
  x: number,
  y: number,
  w: number,
  h: number,
  up: string,
  down: string,
): string {
  let out = '';
  let level = h * rng.range(0.3, 0.7);
  const count = 18;
  for (let i = 0; i < count; i++) {
    const delta = rng.range(-h * 0.12, h * 0.12);
    const open = level;
    level = Math.min(h * 0.9, Math.max(h * 0.1, level + delta));
    const color = level < open ? up : down;
    const cx = x + ((i + 0.5) * w) / count;
    out += line(cx, y + Math.min(open, level) - 10, cx, y + Math.max(open, level) + 10, color, 2);
    out += rect(cx - 6, y + Math.min(open, level), 12, Math.max(3, Math.abs(level - open)), color);
  }
  return out;
}

function walk(rng: Scene['rng'], count: number, drift: number): number[] {
  const values: number[] = [0];
  for (let i = 1; i < count; i++) values.push((values[i - 1] ?? 0) + drift + rng.range(-1, 1));
  return values;
}

function miniLine(rng: Scene['rng'], x: number, y: number, w: number, h: number, color: string): string {
  const values = walk(rng, 30, rng.range(-0.3, 0.3));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pts = values.map((v, i) => [x + (i * w) / 29, y + h - ((v - min) / (max - min || 1)) * h] as const);
  return polyline(pts, color, 3);
}

/** The hero chart: gridlines, an area-filled trend with a glowing line, and volume bars. */
function bigChart({ svg, rng }: Scene, color: string, rising: boolean, bg: string): void {
  const left = 80;
  const right = W - 80;
  const top = 180;
  const bottom = 720;
  let grid = '';
  for (let y = top; y <= bottom; y += 90)
    grid += line(left, y, right, y, lighten(bg, 0.25), 1.5, { 'stroke-dasharray': '6 8' });
  svg.add(grid);
  const values = walk(rng, 48, rising ? 0.45 : -0.45);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pts = values.map(
    (v, i) =>
      [
        left + (i * (right - left)) / 47,
        bottom - 40 - ((v - min) / (max - min || 1)) * (bottom - top - 60),
      ] as const,
  );
  const area = `M${pts.map(([x, y]) => `${n(x)},${n(y)}`).join('L')}L${right},${bottom}L${left},${bottom}Z`;
  svg.add(
    path(
      area,
      svg.linear([
        [0, color, 0.45],
        [1, color, 0],
      ]),
    ),
  );
  svg.add(polyline(pts, color, 14, { 'stroke-opacity': 0.15 }), polyline(pts, color, 5));
  const last = pts[pts.length - 1];
  if (last)
    svg.add(
      circle(last[0], last[1], 22, color, { 'fill-opacity': 0.25 }),
      circle(last[0], last[1], 9, lighten(color, 0.5)),
    );
  let bars = '';
  for (let i = 0; i < 48; i++) {
    const x = left + (i * (right - left)) / 47;
    const h = rng.range(20, 90);
    bars += rect(x - 8, H - 40 - h, 16, h, rng.chance(rising ? 0.65 : 0.35) ? '#2ecc8f' : '#ef5a5a', {
      'fill-opacity': 0.55,
    });
  }
  svg.add(bars);
}
