import { finish, type Scene, sky, sun, weather } from '../backdrop.ts';
import { skyline } from '../city.ts';
import { darken, lighten, mix } from '../color.ts';
import { atDepth } from '../palette.ts';
import type { Rng } from '../random.ts';
import { circle, el, group, H, line, n, path, polygon, rect, W } from '../svg.ts';

/** Vertical fabric folds: a horizontal gradient that alternates light and shade. */
function folds(scene: Scene, color: string, count: number): string {
  const stops = Array.from(
    { length: count * 2 + 1 },
    (_, i) => [i / (count * 2), i % 2 === 0 ? darken(color, 0.35) : lighten(color, 0.12)] as const,
  );
  return scene.svg.linear(stops, { x1: 0, y1: 0, x2: 1, y2: 0 });
}

/** Light cone from a fixture at (x, y) down to a pool centred on (tx, ty). */
function beam(
  scene: Scene,
  x: number,
  y: number,
  tx: number,
  ty: number,
  spread: number,
  color: string,
  strength: number,
): string {
  const fill = scene.svg.linear([
    [0, color, strength],
    [1, color, strength * 0.15],
  ]);
  return polygon(
    [
      [x - 8, y],
      [x + 8, y],
      [tx + spread, ty],
      [tx - spread, ty],
    ],
    fill,
  );
}

/** Silhouetted audience heads along the bottom edge. */
function audience(rng: Rng, color: string, y: number): string {
  let out = '';
  for (let x = -20; x < W + 40; x += rng.range(52, 78)) {
    const s = rng.range(0.9, 1.2);
    const hy = y - rng.range(0, 30);
    out +=
      el('ellipse', { cx: n(x), cy: n(hy + 70 * s), rx: n(56 * s), ry: n(50 * s), fill: color }) +
      circle(x, hy, 27 * s, color);
  }
  return out;
}

export function stage(scene: Scene): void {
  const { svg, rng } = scene;
  const curtain = rng.pick(['#8e1b2a', '#1f3a7a', '#5a1f5e', '#13584f']);
  const light = rng.pick(['#fff2d0', '#d8ecff', '#ffe0f0']);
  svg.add(rect(0, 0, W, H, '#0b0c12'));
  // Back wall: a large dark screen washed with a soft colour gradient.
  svg.add(
    rect(
      260,
      80,
      W - 520,
      470,
      svg.linear(
        [
          [0, darken(curtain, 0.55)],
          [1, darken(curtain, 0.8)],
        ],
        { x1: 0, y1: 0, x2: 1, y2: 1 },
      ),
    ),
  );
  // LED wall: one dot tile repeated, with a diagonal wash so the brightness drifts across the screen.
  const led = svg.pattern(
    24,
    24,
    circle(12, 12, 2.2, lighten(curtain, 0.3), { 'fill-opacity': 0.35 }),
    [268, 88],
  );
  const drift = svg.linear(
    [
      [0, '#000000', 0.55],
      [0.4, '#000000', 0],
      [0.7, '#000000', 0.4],
      [1, '#000000', 0.1],
    ],
    { x1: 0, y1: 0, x2: 1, y2: 0.6 },
  );
  svg.add(rect(268, 88, W - 536, 460, led), rect(260, 80, W - 520, 470, drift));
  const floorTop = 560;
  const wood = '#5a3b27';
  svg.add(
    rect(
      0,
      floorTop,
      W,
      H - floorTop,
      svg.linear([
        [0, darken(wood, 0.1)],
        [1, darken(wood, 0.55)],
      ]),
    ),
  );
  let boards = '';
  for (let i = -20; i <= 20; i++)
    boards += line(800 + i * 40, floorTop, 800 + i * 140, H, darken(wood, 0.35), 2);
  svg.add(boards, rect(0, floorTop, W, 8, lighten(wood, 0.2)));
  const cx = 800 + rng.range(-120, 120);
  svg.add(
    el('ellipse', { cx, cy: 700, rx: 300, ry: 60, fill: light, 'fill-opacity': 0.22 }),
    el('ellipse', { cx, cy: 700, rx: 180, ry: 36, fill: light, 'fill-opacity': 0.22 }),
  );
  let beams = '';
  for (const fx of [420, 800, 1180])
    beams += beam(scene, fx + rng.range(-40, 40), 0, cx, 700, 170, light, 0.2);
  svg.add(beams);
  svg.add(rng.chance(0.5) ? lectern(cx, 700, curtain) : microphone(cx, 700));
  svg.add(curtains(scene, curtain));
  svg.add(audience(rng, '#050508', H - 30));
  finish(scene, 0.8);
}

function curtains(scene: Scene, color: string): string {
  const fabric = folds(scene, color, 6);
  const valance = folds(scene, color, 14);
  let out = '';
  for (const left of [true, false]) {
    const x0 = left ? 0 : W;
    const dir = left ? 1 : -1;
    const d = `M${x0},0H${x0 + dir * 320}C${x0 + dir * 240},300 ${x0 + dir * 180},520 ${x0 + dir * 250},${H}H${x0}Z`;
    out += path(d, fabric);
    out += el('rect', { x: left ? 150 : W - 190, y: 470, width: 40, height: 14, rx: 7, fill: '#c9a24a' });
  }
  let scallops = `M0,0H${W}V110`;
  for (let x = W; x > 0; x -= 160) scallops += `Q${x - 80},170 ${x - 160},110`;
  out += path(`${scallops}Z`, valance);
  out += rect(0, 0, W, 24, darken(color, 0.4));
  return out;
}

function lectern(x: number, floor: number, accent: string): string {
  const wood = '#3b2a20';
  return (
    polygon(
      [
        [x - 90, floor - 230],
        [x + 90, floor - 230],
        [x + 70, floor],
        [x - 70, floor],
      ],
      wood,
    ) +
    rect(x - 100, floor - 250, 200, 22, lighten(wood, 0.15)) +
    rect(x - 60, floor - 160, 120, 70, accent, { 'fill-opacity': 0.8 }) +
    path(`M${x + 20},${floor - 250}Q${x + 30},${floor - 300} ${x + 5},${floor - 320}`, 'none', {
      stroke: '#222',
      'stroke-width': 4,
    }) +
    el('ellipse', { cx: x + 3, cy: floor - 324, rx: 7, ry: 10, fill: '#222' })
  );
}

function microphone(x: number, floor: number): string {
  const metal = '#2a2c33';
  return (
    el('ellipse', { cx: x, cy: floor, rx: 60, ry: 10, fill: metal }) +
    line(x, floor, x, floor - 300, metal, 7) +
    line(x, floor - 300, x - 50, floor - 350, metal, 5) +
    el('ellipse', {
      cx: x - 58,
      cy: floor - 362,
      rx: 14,
      ry: 22,
      fill: '#3a3d46',
      transform: `rotate(-40 ${x - 58} ${floor - 362})`,
    })
  );
}

/** Abstract artworks for the gallery walls: colour fields, grids, circles, a stylised landscape. */
function artwork(rng: Rng, x: number, y: number, w: number, h: number): string {
  const colors = [
    '#d94f3d',
    '#f2c14e',
    '#2b5d8c',
    '#e8dcc4',
    '#1f1f24',
    '#5f9e7f',
    '#e07a5f',
    '#3d405b',
    '#81b29a',
  ];
  const pick = () => rng.pick(colors);
  switch (rng.int(0, 3)) {
    case 0:
      return (
        rect(x, y, w, h, pick()) +
        rect(x + w * 0.1, y + h * 0.08, w * 0.8, h * 0.45, pick()) +
        rect(x + w * 0.1, y + h * 0.6, w * 0.8, h * 0.3, pick())
      );
    case 1: {
      let out = rect(x, y, w, h, '#f3efe6');
      const cx = x + w * rng.range(0.3, 0.6);
      const cy = y + h * rng.range(0.3, 0.6);
      out += rect(x, cy, w, 8, '#1f1f24') + rect(cx, y, 8, h, '#1f1f24') + rect(x, y, cx - x, cy - y, pick());
      out += rect(cx + 8, cy + 8, (x + w - cx) * 0.6, (y + h - cy) * 0.8, pick());
      return out;
    }
    case 2: {
      let out = rect(x, y, w, h, pick());
      for (let i = 0; i < 3; i++)
        out += circle(
          x + w * rng.range(0.25, 0.75),
          y + h * rng.range(0.25, 0.75),
          Math.min(w, h) * rng.range(0.12, 0.3),
          pick(),
          { 'fill-opacity': 0.85 },
        );
      return out;
    }
    default: {
      const skyColor = rng.pick(['#f2c14e', '#e07a5f', '#81b29a']);
      return (
        rect(x, y, w, h, skyColor) +
        circle(x + w * 0.7, y + h * 0.35, Math.min(w, h) * 0.14, '#f3efe6') +
        path(
          `M${x},${y + h * 0.7}Q${x + w * 0.3},${y + h * 0.45} ${x + w * 0.6},${y + h * 0.65}T${x + w},${y + h * 0.6}V${y + h}H${x}Z`,
          '#3d405b',
        ) +
        path(
          `M${x},${y + h * 0.85}Q${x + w * 0.4},${y + h * 0.7} ${x + w},${y + h * 0.82}V${y + h}H${x}Z`,
          '#2b5d8c',
        )
      );
    }
  }
}

export function gallery(scene: Scene): void {
  const { svg, rng } = scene;
  const wall = rng.pick(['#ece8e1', '#e6e9ec', '#7a2f35', '#2f4858', '#d9d2c5']);
  const darkWall = wall === '#7a2f35' || wall === '#2f4858';
  svg.add(
    rect(
      0,
      0,
      W,
      640,
      svg.linear([
        [0, darken(wall, 0.12)],
        [1, wall],
      ]),
    ),
  );
  const floorWood = rng.pick(['#b98a5e', '#8a6a4f', '#c9b79c']);
  svg.add(
    rect(
      0,
      640,
      W,
      H - 640,
      svg.linear([
        [0, floorWood],
        [1, darken(floorWood, 0.3)],
      ]),
    ),
  );
  let planks = '';
  for (let i = -24; i <= 24; i++)
    planks += line(800 + i * 60, 640, 800 + i * 200, H, darken(floorWood, 0.18), 2);
  svg.add(planks, rect(0, 628, W, 14, darken(wall, 0.3)), rect(0, 0, W, 40, darken(wall, 0.3)));
  const count = rng.int(3, 4);
  const frame = rng.pick(['#1f1f24', '#c9a24a', '#f6f4ef']);
  let art = '';
  const slot = W / count;
  for (let i = 0; i < count; i++) {
    const w = rng.range(slot * 0.45, slot * 0.62);
    const h = rng.range(200, 300);
    const x = i * slot + (slot - w) / 2;
    const y = 330 - h / 2;
    art += beam(scene, x + w / 2, 40, x + w / 2, y + h + 80, w * 0.75, '#fff6dc', darkWall ? 0.16 : 0.1);
    art += rect(x - 10, y - 10 + 14, w + 20, h + 20, '#000000', { 'fill-opacity': 0.18 });
    art += rect(x - 14, y - 14, w + 28, h + 28, frame);
    art += rect(x, y, w, h, '#f6f4ef');
    art += artwork(rng, x + 16, y + 16, w - 32, h - 32);
    art += rect(x + w / 2 - 14, 40, 28, 18, '#2a2c33', { rx: 4 });
  }
  svg.add(art);
  svg.add(bench(scene, 800 + rng.range(-200, 200), 800));
  visitors(scene);
  finish(scene, 0.7);
}

function bench({ rng }: Scene, x: number, floor: number): string {
  const seat = rng.pick(['#3a3d46', '#6b4a36']);
  return (
    el('ellipse', { cx: x, cy: floor + 6, rx: 200, ry: 16, fill: '#000000', 'fill-opacity': 0.2 }) +
    rect(x - 180, floor - 70, 360, 26, seat) +
    rect(x - 160, floor - 44, 16, 44, darken(seat, 0.3)) +
    rect(x + 144, floor - 44, 16, 44, darken(seat, 0.3))
  );
}

/** One to three visitors seen from behind, looking at the walls. */
function visitors({ svg, rng }: Scene): void {
  const coats = ['#2d3142', '#bf616a', '#4f6d7a', '#d08c60', '#5e548e', '#3a5a40'];
  const hair = ['#2b1d14', '#5a3b22', '#a07850', '#1a1a1a', '#c8c0b0'];
  let out = '';
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const x = ((i + rng.range(0.25, 0.75)) / count) * W;
    const s = rng.range(0.85, 1.05);
    const floor = rng.range(790, 860);
    const coat = rng.pick(coats);
    out += el('ellipse', { cx: x, cy: floor, rx: 70 * s, ry: 12 * s, fill: '#000000', 'fill-opacity': 0.22 });
    out +=
      rect(x - 26 * s, floor - 150 * s, 20 * s, 150 * s, '#24262e') +
      rect(x + 6 * s, floor - 150 * s, 20 * s, 150 * s, '#24262e');
    const top = floor - 360 * s;
    // Coat: rounded shoulders tapering to the hem, with a neck between coat and head.
    out += path(
      `M${n(x - 54 * s)},${n(top + 40 * s)}Q${n(x - 54 * s)},${n(top)} ${n(x - 20 * s)},${n(top - 4 * s)}H${n(x + 20 * s)}Q${n(x + 54 * s)},${n(top)} ${n(x + 54 * s)},${n(top + 40 * s)}L${n(x + 44 * s)},${n(top + 240 * s)}H${n(x - 44 * s)}Z`,
      coat,
    );
    out += rect(
      x - 12 * s,
      top - 24 * s,
      24 * s,
      24 * s,
      rng.pick(['#e0b894', '#b5784f', '#6e4229', '#f1c7a5']),
    );
    out += el('ellipse', { cx: x, cy: top - 48 * s, rx: 30 * s, ry: 35 * s, fill: rng.pick(hair) });
  }
  svg.add(out);
}

/** Public gathering on a city square: rows of people, placards and flags, smaller toward the back. */
export function crowd(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 520;
  sky(scene, horizon);
  sun(scene, rng.range(200, 1400), rng.range(90, 170), 34);
  weather(scene, 20, 200);
  svg.add(
    skyline(scene, horizon + 40, [180, 360], [90, 180], {
      color: atDepth(pal, mix(pal.ink, '#a79c8e', 0.45), 0.55),
      windows: true,
      lightFromLeft: rng.chance(0.5),
    }),
  );
  svg.add(rect(0, horizon + 40, W, H, atDepth(pal, '#8c8479', 0.4)));
  const rows = 7;
  for (let r = 0; r < rows; r++) {
    const t = r / (rows - 1);
    const scale = 0.35 + t * 0.85;
    const y = 560 + t ** 1.4 * 330;
    svg.add(people(scene, y, scale, 1 - t));
  }
  finish(scene, 0.8);
}

/** One row of people: shoulders, heads, hair, and the occasional raised placard or flag. */
function people(scene: Scene, y: number, scale: number, depth: number): string {
  const { rng, pal } = scene;
  const shirts = [
    '#c44536',
    '#2d6a8f',
    '#e9c46a',
    '#3a5a40',
    '#7b2d5b',
    '#e76f51',
    '#264653',
    '#f1f1ee',
    '#8d99ae',
  ];
  const skins = ['#f1c7a5', '#d9a07a', '#b5784f', '#8a5634', '#5c3a24'];
  const hair = ['#2b1d14', '#5a3b22', '#a07850', '#141414', '#c9c1b1', '#7a3b1e'];
  const tone = (c: string) =>
    atDepth(
      pal,
      pal.time === 'night' ? darken(c, 0.5) : pal.time === 'day' ? c : darken(c, 0.25),
      depth * 0.85,
    );
  let out = '';
  let signs = '';
  for (let x = -30 + rng.range(0, 40) * scale; x < W + 60; x += rng.range(62, 90) * scale) {
    const s = scale * rng.range(0.9, 1.1);
    const hy = y - 120 * s + rng.range(-10, 10) * s;
    if (rng.chance(0.1)) signs += placard(rng, x, hy, s, tone);
    out += el('rect', {
      x: x - 46 * s,
      y: hy + 34 * s,
      width: 92 * s,
      height: 200 * s,
      rx: 34 * s,
      fill: tone(rng.pick(shirts)),
    });
    const skin = tone(rng.pick(skins));
    if (depth < 0.5) out += rect(x - 10 * s, hy + 20 * s, 20 * s, 20 * s, skin);
    out += el('ellipse', { cx: x, cy: hy, rx: 25 * s, ry: 29 * s, fill: skin });
    if (rng.chance(0.85))
      out += path(
        `M${n(x - 26 * s)},${n(hy + 2 * s)}A${n(26 * s)},${n(30 * s)} 0 0 1 ${n(x + 26 * s)},${n(hy + 2 * s)}Q${n(x)},${n(hy - 14 * s)} ${n(x - 26 * s)},${n(hy + 2 * s)}Z`,
        tone(rng.pick(hair)),
      );
  }
  return signs + group(out);
}

/** Blank placard or small flag held above the crowd; deliberately without lettering. */
function placard(rng: Rng, x: number, y: number, s: number, tone: (c: string) => string): string {
  const stick = tone('#6b4a36');
  const face = tone(rng.pick(['#f4f1e8', '#f2c14e', '#e76f51', '#f4f1e8']));
  if (rng.chance(0.35)) {
    const c = tone(rng.pick(['#c44536', '#2d6a8f', '#3a5a40']));
    return (
      rect(x + 20 * s, y - 150 * s, 5 * s, 190 * s, stick) +
      path(
        `M${n(x + 25 * s)},${n(y - 150 * s)}Q${n(x + 70 * s)},${n(y - 165 * s)} ${n(x + 110 * s)},${n(y - 145 * s)}V${n(y - 85 * s)}Q${n(x + 70 * s)},${n(y - 105 * s)} ${n(x + 25 * s)},${n(y - 90 * s)}Z`,
        c,
      )
    );
  }
  const w = 110 * s;
  const h = 74 * s;
  const stripe = tone(rng.pick(['#c44536', '#2d6a8f', '#1f1f24']));
  return (
    rect(x - 3 * s, y - 110 * s, 6 * s, 150 * s, stick) +
    rect(x - w / 2, y - 110 * s - h, w, h, face) +
    rect(x - w / 2 + 10 * s, y - 110 * s - h * 0.62, w - 20 * s, 8 * s, stripe) +
    rect(x - w / 2 + 10 * s, y - 110 * s - h * 0.38, w * 0.55, 8 * s, stripe)
  );
}
