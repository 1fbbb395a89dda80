import {
  birds,
  finish,
  heightAt,
  massif,
  mist,
  ridge,
  ridgePoints,
  type Scene,
  sky,
  stars,
  sun,
  sunSpot,
  water,
  weather,
} from '../backdrop.ts';
import { darken, lighten, mix } from '../color.ts';
import { atDepth } from '../palette.ts';
import { pine, roundTree } from '../shapes.ts';
import { circle, el, ellipse, group, H, n, type Point, path, polygon, rect, smoothPath, W } from '../svg.ts';

/** Snow caps hugging the ridge where it rises above the snowline. */
function snow(rng: Scene['rng'], points: readonly Point[], snowline: number, fill: string): string {
  const top = points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
  const bottom = points
    .map(([x, y]) => [x, y + Math.max(0, snowline - y) * rng.range(0.35, 0.75)] as const)
    .reverse()
    .map(([x, y]) => `${n(x)},${n(y)}`)
    .join(' ');
  return el('polygon', { points: `${top} ${bottom}`, fill });
}

/** Shadowed flank of each peak, on the side away from the sun, clipped to the ridge. */
function flanks(
  scene: Scene,
  layer: ReturnType<typeof massif>,
  sunX: number,
  fill: string,
  base: number,
): string {
  let out = '';
  for (const peak of layer.peaks) {
    const dir = sunX < peak.x ? 1 : -1;
    const foot = peak.x + dir * peak.w * 0.8;
    const slope = layer.points.filter(([x]) => (dir > 0 ? x > peak.x && x < foot : x < peak.x && x > foot));
    if (dir < 0) slope.reverse();
    const crease: Point[] = [
      [peak.x + dir * peak.w * 0.12, base + 40],
      [peak.x + dir * peak.w * 0.05, peak.y + (base - peak.y) * 0.55],
      [peak.x + dir * peak.w * 0.02, peak.y + (base - peak.y) * 0.25],
    ];
    out += polygon([[peak.x, peak.y], ...slope, [foot, base + 80], ...crease], fill);
  }
  return group(out, { 'clip-path': scene.svg.clip(ridge(layer.points, '#000', false)) });
}

export function mountains(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 620;
  sky(scene, horizon);
  const s = sunSpot(scene, 420);
  if (pal.time === 'night') stars(scene, 160, 420);
  sun(scene, s.x, s.y, pal.time === 'night' ? 34 : 42);
  weather(scene, 40, 240);
  const rock = mix(pal.ink, '#5d6a80', 0.4);
  const snowColor = pal.time === 'night' ? '#9aa7c8' : lighten(pal.sun, 0.3);
  const layers = [
    { base: 470, count: rng.int(2, 3), height: [200, 300] as const, depth: 0.72 },
    { base: 560, count: rng.int(2, 4), height: [120, 200] as const, depth: 0.46 },
    { base: 620, count: rng.int(3, 4), height: [50, 110] as const, depth: 0.25 },
  ];
  let range = '';
  for (const [i, layer] of layers.entries()) {
    const m = massif(rng, layer.base, layer.count, layer.height);
    const color = atDepth(pal, rock, layer.depth);
    range += ridge(m.points, color, false);
    if (i < 2)
      range += snow(
        rng,
        m.points,
        layer.base - layer.height[0] * 0.75,
        atDepth(pal, snowColor, layer.depth * 0.5),
      );
    range += flanks(scene, m, s.x, mix(color, pal.ink, 0.22), layer.base);
  }
  svg.add(range);
  const lake = rng.chance(0.55);
  if (lake) water(scene, horizon, pal.time === 'day' ? undefined : s.x, range);
  const meadow = ridgePoints(rng, lake ? 730 : 650, 40, 0.5, 5);
  svg.add(ridge(meadow, atDepth(pal, mix(pal.land, pal.ink, 0.45), 0.12), true));
  const near = ridgePoints(rng, 830, 60, 0.5, 5);
  let trees = '';
  for (let i = 0; i < 22; i++) {
    const x = rng.range(-20, W + 20);
    if (x > W * 0.3 && x < W * 0.7 && rng.chance(0.75)) continue;
    trees += pine(x, heightAt(near, x) + 30, rng.range(120, 260), pal.ink, rng);
  }
  svg.add(trees, ridge(near, pal.ink, true));
  birds(scene, rng.range(300, 1300), rng.range(160, 260), rng.int(3, 6));
  finish(scene);
}

/** Stripes of crops clipped to a hill, in a few seasonal colours. */
function patchwork(scene: Scene, points: readonly Point[], depth: number): void {
  const { svg, rng, pal } = scene;
  const crops = ['#c9b458', '#8fae4f', '#6c9443', '#d6c27a', '#a3b85a', '#7d8f3c'].map((c) =>
    atDepth(pal, mix(c, pal.land, pal.time === 'day' ? 0.2 : 0.6), depth),
  );
  const clip = svg.clip(ridge(points, '#000', true));
  let bands = '';
  let x = -200;
  const slant = rng.range(-0.6, 0.6);
  while (x < W + 200) {
    const w = rng.range(120, 320);
    const top = Math.min(...points.map(([, y]) => y)) - 20;
    bands += polygon(
      [
        [x, top],
        [x + w, top],
        [x + w + slant * (H - top), H],
        [x + slant * (H - top), H],
      ],
      rng.pick(crops),
    );
    x += w;
  }
  // Hedgerows between the fields read as thin dark lines.
  svg.add(group(bands, { 'clip-path': clip }));
}

export function fields(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 470;
  sky(scene, horizon + 40);
  const s = sunSpot(scene, horizon);
  if (pal.time === 'night') stars(scene, 140, 400);
  sun(scene, s.x, s.y, 40);
  weather(scene, 50, 300);
  const far = ridgePoints(rng, horizon, 40, 0.5, 5);
  svg.add(ridge(far, atDepth(pal, pal.land, 0.75), true));
  const mid = ridgePoints(rng, horizon + 70, 60, 0.5, 5);
  svg.add(ridge(mid, atDepth(pal, pal.land, 0.45), true));
  patchwork(scene, mid, 0.4);
  const farmX = rng.range(200, W - 300);
  svg.add(farm(scene, farmX, heightAt(mid, farmX) + 8, atDepth(pal, pal.ink, 0.35)));
  let trees = '';
  for (let i = 0; i < rng.int(5, 9); i++) {
    const x = rng.range(0, W);
    trees += roundTree(
      x,
      heightAt(mid, x) + 10,
      rng.range(40, 70),
      atDepth(pal, darken(pal.land, 0.45), 0.35),
      rng,
    );
  }
  svg.add(trees);
  furrows(scene, horizon + 150);
  finish(scene);
}

/** Barn with a pitched roof and a silo: enough to say "farm" at a glance. */
function farm({ rng, pal }: Scene, x: number, base: number, color: string): string {
  const w = rng.range(70, 100);
  const h = w * 0.55;
  const roof = darken(color, 0.25);
  const barnRed = atDepth(pal, '#8e3b2e', 0.35);
  return (
    rect(x, base - h, w, h, barnRed) +
    polygon(
      [
        [x - 6, base - h],
        [x + w / 2, base - h - w * 0.35],
        [x + w + 6, base - h],
      ],
      roof,
    ) +
    rect(x + w * 0.38, base - h * 0.6, w * 0.24, h * 0.6, darken(barnRed, 0.35)) +
    rect(x + w + 12, base - h * 1.6, w * 0.22, h * 1.6, lighten(color, 0.25)) +
    circle(x + w + 12 + w * 0.11, base - h * 1.6, w * 0.11, lighten(color, 0.25))
  );
}

/** Foreground field: crop rows converging on a vanishing point for depth. */
function furrows(scene: Scene, top: number): void {
  const { svg, rng, pal } = scene;
  const points = ridgePoints(rng, top, 30, 0.4, 4);
  const golden = rng.chance(0.5);
  const base = golden ? mix('#c9a24a', pal.land, 0.25) : mix('#6f9a3f', pal.land, 0.3);
  const tone = pal.time === 'day' ? base : mix(base, pal.ink, pal.time === 'night' ? 0.7 : 0.35);
  const fill = svg.linear([
    [0, atDepth(pal, tone, 0.25)],
    [1, darken(tone, 0.2)],
  ]);
  svg.add(ridge(points, fill, true));
  const clip = svg.clip(ridge(points, '#000', true));
  const vx = rng.range(W * 0.3, W * 0.7);
  const vy = top - 220;
  let rows = '';
  for (let i = -40; i <= 40; i++) {
    const x = vx + i * 70;
    rows += polygon(
      [
        [vx + i * 1.2, vy],
        [x, H + 40],
        [x + 28, H + 40],
        [vx + i * 1.2 + 0.6, vy],
      ],
      darken(tone, 0.28),
      { 'fill-opacity': 0.5 },
    );
  }
  svg.add(group(rows, { 'clip-path': clip }));
  if (golden) {
    let bales = '';
    for (let i = 0; i < rng.int(3, 6); i++) {
      const x = rng.range(100, W - 100);
      const y = top + rng.range(60, 260);
      const r = 12 + (y - top) * 0.12;
      // Round bale lying on its side: shadow, straw body, then the rolled end face with its spiral.
      const straw = mix('#e0bd68', pal.ink, pal.time === 'day' ? 0 : 0.3);
      bales +=
        ellipse(x + r * 0.8, y, r * 1.7, r * 0.3, darken(tone, 0.35)) +
        el('rect', {
          x,
          y: y - 2 * r,
          width: r * 1.7,
          height: 2 * r,
          rx: r * 0.3,
          fill: darken(straw, 0.12),
        }) +
        circle(x, y - r, r, straw) +
        circle(x, y - r, r * 0.62, 'none', { stroke: darken(straw, 0.2), 'stroke-width': 2 }) +
        circle(x, y - r, r * 0.28, 'none', { stroke: darken(straw, 0.2), 'stroke-width': 2 });
    }
    svg.add(bales);
  }
}

export function ocean(scene: Scene): void {
  const { rng, pal } = scene;
  const horizon = rng.range(470, 540);
  sky(scene, horizon);
  const s = sunSpot(scene, horizon);
  if (pal.time === 'night') stars(scene, 200, horizon - 60);
  sun(scene, s.x, s.y, pal.time === 'day' ? 40 : 48);
  weather(scene, 40, horizon - 120);
  water(scene, horizon, s.x);
  waves(scene, horizon);
  const headlandLeft = s.x > W / 2;
  if (rng.chance(0.7)) headland(scene, horizon, headlandLeft);
  if (rng.chance(0.7))
    sailboat(scene, headlandLeft ? rng.range(900, 1300) : rng.range(300, 700), horizon + rng.range(30, 90));
  birds(scene, rng.range(300, 1300), horizon - rng.range(150, 260), rng.int(3, 5));
  finish(scene);
}

/** Rolling swell bands, larger and darker toward the viewer, each with a pale crest. */
function waves({ svg, rng, pal }: Scene, horizon: number): void {
  let out = '';
  for (let i = 0; i < 6; i++) {
    const t = i / 5;
    const y = horizon + 120 + t ** 1.3 * (H - horizon - 60);
    const amp = 4 + t * 12;
    const len = 160 + t * 260;
    const phase = rng.range(0, len);
    let d = `M-20,${n(y)}`;
    for (let x = -20; x <= W + len; x += len / 2) {
      const up = Math.round((x + phase) / (len / 2)) % 2 === 0 ? -amp : amp;
      d += `Q${n(x + len / 4)},${n(y + up)} ${n(x + len / 2)},${n(y)}`;
    }
    const body = darken(pal.water, 0.1 + t * 0.25);
    out += path(`${d}L${W + len},${H + 10}L-20,${H + 10}Z`, body, { 'fill-opacity': n(0.55 + t * 0.3) });
    out += path(d, 'none', {
      stroke: lighten(pal.water, 0.5),
      'stroke-width': n(1 + t * 2),
      'stroke-opacity': 0.3,
    });
  }
  svg.add(out);
}

/** Grassy headland with a cliff face, topped by a lighthouse whose lamp is lit after dark. */
function headland(scene: Scene, horizon: number, left: boolean): void {
  const { svg, rng, pal } = scene;
  const width = rng.range(280, 380);
  const dir = left ? 1 : -1;
  const x0 = left ? -30 : W + 30;
  const at = (t: number) => x0 + dir * width * t;
  const top = horizon - rng.range(45, 75);
  const rock = atDepth(pal, mix(pal.ink, '#8a8f99', 0.45), 0.25);
  const grass = atDepth(pal, mix(pal.land, pal.ink, pal.time === 'day' ? 0.1 : 0.4), 0.2);
  const crest: Point[] = [
    [at(0), top - 16],
    [at(0.35), top],
    [at(0.62), top + 12],
    [at(0.8), top + 34],
  ];
  const body = `${smoothPath(crest)}L${n(at(0.88))},${n(horizon + 24)}L${n(at(1))},${H + 10}L${n(at(0))},${H + 10}Z`;
  svg.add(path(body, rock));
  // Shaded sea-facing cliff and a few strata lines give the rock some form.
  svg.add(
    polygon(
      [
        [at(0.8), top + 34],
        [at(0.88), horizon + 24],
        [at(1), H + 10],
        [at(0.84), H + 10],
        [at(0.74), horizon + 10],
      ],
      darken(rock, 0.18),
    ),
  );
  let strata = '';
  for (let i = 1; i < 5; i++) {
    const y = top + 30 + i * 55;
    strata += path(
      `M${n(at(0))},${n(y)}Q${n(at(0.4))},${n(y - 12)} ${n(at(0.8 + i * 0.03))},${n(y + 8)}`,
      'none',
      {
        stroke: darken(rock, 0.12),
        'stroke-width': 3,
      },
    );
  }
  const cap = [...crest].reverse().map(([x, y]) => [x, y + 14] as const);
  svg.add(strata, polygon([...crest, ...cap], grass));
  let rocks = '';
  const foam = lighten(pal.water, 0.55);
  for (let i = 0; i < 3; i++) {
    const rx = at(1.02 + i * 0.07);
    const ry = horizon + 46 + i * 34 + rng.range(0, 16);
    const r = 12 + i * 8;
    rocks += path(
      `M${n(rx - r)},${n(ry)}Q${n(rx - r * 0.5)},${n(ry - r * 0.9)} ${n(rx + r * 0.2)},${n(ry - r * 0.7)}Q${n(rx + r)},${n(ry - r * 0.4)} ${n(rx + r)},${n(ry)}Z`,
      darken(rock, 0.2),
    );
    rocks += path(`M${n(rx - r * 1.3)},${n(ry)}H${n(rx + r * 1.3)}`, 'none', {
      stroke: foam,
      'stroke-width': 3,
      'stroke-opacity': 0.6,
      'stroke-linecap': 'round',
    });
  }
  const lx = at(0.3);
  // Keeper's cottage on the landward side of the tower.
  const hx = dir > 0 ? lx + 26 : lx - 86;
  svg.add(
    rocks,
    rect(hx, top - 30, 60, 34, atDepth(pal, '#e9e3d6', 0.2)),
    polygon(
      [
        [hx - 4, top - 30],
        [hx + 30, top - 52],
        [hx + 64, top - 30],
      ],
      atDepth(pal, '#9a4a3a', 0.2),
    ),
    lighthouse(scene, lx, top + 4),
  );
}

function lighthouse({ svg, rng, pal }: Scene, x: number, base: number): string {
  const hgt = 170;
  const white = atDepth(pal, '#f1ece2', 0.12);
  const red = atDepth(pal, '#b8443a', 0.12);
  let out = '';
  for (let i = 0; i < 4; i++) {
    const w0 = 18 - i * 2.5;
    const w1 = 18 - (i + 1) * 2.5;
    const y0 = base - (i * hgt) / 4;
    const y1 = base - ((i + 1) * hgt) / 4;
    out += polygon(
      [
        [x - w0, y0],
        [x + w0, y0],
        [x + w1, y1],
        [x - w1, y1],
      ],
      i % 2 === 0 ? white : red,
    );
  }
  const lampY = base - hgt - 22;
  const lit = pal.time === 'night' || pal.time === 'dusk';
  if (lit) {
    const dir = rng.chance(0.5) ? 1 : -1;
    const beam = svg.linear(
      [
        [0, pal.light, 0.5],
        [1, pal.light, 0],
      ],
      { x1: dir > 0 ? 0 : 1, y1: 0, x2: dir > 0 ? 1 : 0, y2: 0 },
    );
    out += polygon(
      [
        [x, lampY + 10],
        [x + dir * 700, lampY - 50],
        [x + dir * 700, lampY + 70],
      ],
      beam,
    );
    for (const r of [44, 28, 18]) out += circle(x, lampY + 10, r, pal.light, { 'fill-opacity': 0.15 });
  }
  out += rect(x - 12, lampY, 24, 22, lit ? pal.light : darken(white, 0.25));
  out += polygon(
    [
      [x - 16, lampY],
      [x, lampY - 18],
      [x + 16, lampY],
    ],
    red,
  );
  out += rect(x - 18, lampY + 20, 36, 5, darken(red, 0.3));
  return out;
}

function sailboat({ svg, rng, pal }: Scene, x: number, y: number): void {
  const s = rng.range(0.7, 1.1);
  const hull = atDepth(pal, pal.ink, 0.3);
  const sail = atDepth(pal, pal.time === 'night' ? '#9aa6c4' : '#f7f3ea', 0.25);
  const boat =
    polygon(
      [
        [x - 60 * s, y],
        [x + 70 * s, y],
        [x + 50 * s, y + 16 * s],
        [x - 48 * s, y + 16 * s],
      ],
      hull,
    ) +
    polygon(
      [
        [x, y - 4],
        [x, y - 150 * s],
        [x + 62 * s, y - 8],
      ],
      sail,
    ) +
    polygon(
      [
        [x - 6 * s, y - 8],
        [x - 6 * s, y - 130 * s],
        [x - 52 * s, y - 10],
      ],
      darken(sail, 0.1),
    );
  // Reflection drawn as a muted, squashed copy rather than with (slow) group opacity.
  const muted = mix(sail, pal.water, 0.7);
  const mirrored =
    polygon(
      [
        [x, y + 18 * s],
        [x, y + 18 * s + 90 * s],
        [x + 50 * s, y + 18 * s],
      ],
      muted,
    ) +
    polygon(
      [
        [x - 6 * s, y + 18 * s],
        [x - 6 * s, y + 18 * s + 75 * s],
        [x - 44 * s, y + 18 * s],
      ],
      muted,
    );
  svg.add(mirrored, boat);
}

export function forest(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 520;
  sky(scene, horizon);
  const s = sunSpot(scene, 380);
  if (pal.time === 'night') stars(scene, 150, 380);
  sun(scene, s.x, s.y, 38);
  const green = mix(pal.ink, pal.land, pal.time === 'day' ? 0.45 : 0.25);
  const rows = 5;
  for (let row = 0; row < rows; row++) {
    const depth = 1 - row / (rows - 1);
    const base = horizon - 40 + row * 85;
    const color = atDepth(pal, green, depth * 0.95);
    const ground = ridgePoints(rng, base, 25, 0.5, 4);
    let trees = '';
    const size = 120 + row * 70;
    for (let x = -40; x < W + 40; x += size * rng.range(0.22, 0.4)) {
      const tx = x + rng.range(-10, 10);
      const h = size * rng.range(0.75, 1.3);
      trees += pine(tx, heightAt(ground, tx) + h * 0.1, h, mix(color, pal.ink, rng.range(0, 0.08)), rng);
    }
    svg.add(trees, ridge(ground, color, true));
    if (row < rows - 1) mist(scene, base - 40, 120, depth);
    if (row === 1 && pal.time !== 'night') rays(scene, s.x, s.y);
  }
  finish(scene);
}

/** Soft light shafts fanning down from the sun through the canopy. */
function rays({ svg, rng, pal }: Scene, sunX: number, sunY: number): void {
  const fill = svg.linear([
    [0, pal.sun, 0.3],
    [1, pal.sun, 0],
  ]);
  let out = '';
  for (let i = 0; i < 5; i++) {
    const spread = rng.range(-600, 600);
    const w = rng.range(30, 90);
    out += polygon(
      [
        [sunX - 6, sunY],
        [sunX + 6, sunY],
        [sunX + spread + w, H],
        [sunX + spread - w, H],
      ],
      fill,
    );
  }
  svg.add(out);
}

export function nightSky(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 700;
  sky(scene, horizon);
  milkyWay(scene);
  stars(scene, 320, horizon);
  if (rng.chance(0.5)) aurora(scene);
  else sun(scene, rng.range(200, 1400), rng.range(110, 220), 26);
  shootingStar(scene);
  const hills = ridgePoints(rng, 700, 80, 0.5, 5);
  const near = ridgePoints(rng, 800, 50, 0.5, 5);
  svg.add(ridge(hills, atDepth(pal, pal.ink, 0.35), true));
  const domeX = rng.range(300, W - 300);
  svg.add(observatory(domeX, heightAt(hills, domeX) + 10, atDepth(pal, pal.ink, 0.15), pal.light));
  let trees = '';
  for (let i = 0; i < 24; i++) {
    const x = rng.range(-20, W + 20);
    trees += pine(x, heightAt(near, x) + 20, rng.range(70, 180), pal.ink, rng);
  }
  svg.add(trees, ridge(near, pal.ink, true));
  finish(scene);
}

/** The galaxy band: rotated soft-edged gradient strips, a darker dust lane and a drift of faint stars. */
function milkyWay({ svg, rng }: Scene): void {
  const angle = rng.range(-30, 30);
  const band = (width: number, color: string, alpha: number) =>
    rect(
      -1100,
      -width / 2,
      2200,
      width,
      svg.linear([
        [0, color, 0],
        [0.5, color, alpha],
        [1, color, 0],
      ]),
    );
  let dust = '';
  for (let i = 0; i < 260; i++) {
    const along = rng.range(-900, 900);
    const across = (rng.next() + rng.next() + rng.next() - 1.5) * 120;
    dust += circle(along, across, rng.range(0.5, 1.2), '#ffffff', { 'fill-opacity': n(rng.range(0.2, 0.7)) });
  }
  const lane = group(band(50, '#0b1026', 0.35), { transform: 'translate(0 18)' });
  svg.add(
    group(band(420, '#9c8fd6', 0.22) + band(160, '#d9d0f2', 0.22) + lane + dust, {
      transform: `translate(${W / 2} 330) rotate(${n(angle)})`,
    }),
  );
}

/** Green-teal curtains, fading upward, for a northern-lights variant. */
function aurora({ svg, rng }: Scene): void {
  const tint = rng.pick(['#52e3a4', '#5fd6c8', '#9be37a']);
  for (let i = 0; i < 3; i++) {
    const fill = svg.linear([
      [0, tint, 0],
      [0.7, tint, 0.28],
      [1, tint, 0],
    ]);
    const y = rng.range(260, 420);
    const pts: Point[] = [];
    for (let x = -100; x <= W + 100; x += 200) pts.push([x, y + rng.range(-60, 60)]);
    const top = pts.map(([x, py]) => `${n(x)},${n(py - 220)}`).join(' ');
    const bottom = [...pts]
      .reverse()
      .map(([x, py]) => `${n(x)},${n(py)}`)
      .join(' ');
    svg.add(el('polygon', { points: `${top} ${bottom}`, fill }));
  }
}

function shootingStar({ svg, rng }: Scene): void {
  const x = rng.range(300, 1300);
  const y = rng.range(80, 260);
  const len = rng.range(160, 280);
  const fill = svg.linear(
    [
      [0, '#ffffff', 0],
      [1, '#ffffff', 0.9],
    ],
    { x1: 0, y1: 0, x2: 1, y2: 0 },
  );
  svg.add(
    group(rect(0, -1.2, len, 2.4, fill, { rx: 1.2 }), {
      transform: `translate(${n(x)} ${n(y)}) rotate(${n(rng.range(15, 35))})`,
    }),
  );
}

function observatory(x: number, base: number, fill: string, light: string): string {
  const r = 46;
  return (
    rect(x - r, base - 60, r * 2, 60, fill) +
    path(`M${x - r - 4},${base - 58}A${r + 4},${r + 4} 0 0 1 ${x + r + 4},${base - 58}Z`, fill) +
    polygon(
      [
        [x - 7, base - 58 - r],
        [x + 7, base - 58 - r],
        [x + 7, base - 58],
        [x - 7, base - 58],
      ],
      darken(fill, 0.5),
    ) +
    rect(x - 6, base - 30, 12, 14, light, { opacity: 0.9 })
  );
}

export function windFarm(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 560;
  sky(scene, horizon);
  const s = sunSpot(scene, horizon - 40);
  if (pal.time === 'night') stars(scene, 160, 420);
  sun(scene, s.x, s.y, 40);
  weather(scene, 40, 280);
  const layers = [
    { base: 520, amp: 50, depth: 0.8, scale: 0.45, count: 7 },
    { base: 610, amp: 60, depth: 0.55, scale: 0.7, count: 4 },
    { base: 740, amp: 70, depth: 0.25, scale: 1.15, count: 2 },
  ];
  const grass = pal.time === 'day' ? pal.land : mix(pal.land, pal.ink, 0.3);
  for (const layer of layers) {
    const points = ridgePoints(rng, layer.base, layer.amp, 0.5, 5);
    let turbines = '';
    for (let i = 0; i < layer.count; i++) {
      const x = ((i + rng.range(0.2, 0.8)) / layer.count) * W;
      turbines += turbine(
        scene,
        x,
        heightAt(points, x) + 12,
        260 * layer.scale * rng.range(0.9, 1.1),
        layer.depth,
      );
    }
    svg.add(turbines, ridge(points, atDepth(pal, grass, layer.depth), true));
  }
  birds(scene, rng.range(300, 1300), rng.range(150, 260), rng.int(2, 5));
  finish(scene);
}

/** Three-bladed turbine: tapered tower, nacelle, blades at a seeded rotation. */
function turbine({ rng, pal }: Scene, x: number, base: number, height: number, depth: number): string {
  const body = atDepth(
    pal,
    pal.time === 'night' ? '#6b7796' : pal.time === 'day' ? '#f4f6f8' : '#e9dcd6',
    depth * 0.7,
  );
  const shade = darken(body, 0.12);
  const hubY = base - height;
  const blade = height * 0.62;
  const spin = rng.range(0, 120);
  let blades = '';
  for (let k = 0; k < 3; k++) {
    blades += path(
      `M0,0C${n(blade * 0.06)},${n(-blade * 0.3)} ${n(blade * 0.05)},${n(-blade * 0.8)} 0,${n(-blade)}C${n(-blade * 0.02)},${n(-blade * 0.7)} ${n(-blade * 0.05)},${n(-blade * 0.3)} 0,0Z`,
      k === 0 ? shade : body,
      { transform: `rotate(${n(spin + k * 120)})` },
    );
  }
  const tower = polygon(
    [
      [x - height * 0.022, base],
      [x + height * 0.022, base],
      [x + height * 0.011, hubY],
      [x - height * 0.011, hubY],
    ],
    body,
  );
  const nacelle = el('rect', {
    x: x - height * 0.05,
    y: hubY - height * 0.022,
    width: height * 0.09,
    height: height * 0.04,
    rx: height * 0.02,
    fill: shade,
  });
  const hub = circle(0, 0, height * 0.018, body);
  const beacon =
    pal.time === 'night' || pal.time === 'dusk'
      ? circle(x, hubY - height * 0.03, 2 + height * 0.008, '#ff4a3d')
      : '';
  return tower + nacelle + group(blades + hub, { transform: `translate(${n(x)} ${n(hubY)})` }) + beacon;
}
