import { finish, type Scene, sky, stars, sun, water, weather } from '../backdrop.ts';
import { darken, lighten, mix } from '../color.ts';
import { atDepth, type Palette } from '../palette.ts';
import { circle, group, line, n, path, polygon, rect, W } from '../svg.ts';

/** Sandstone by day; warm floodlit gold after dark, as Gothic Revival parliaments usually are. */
function stone(pal: Palette): string {
  const base = '#cdb07e';
  switch (pal.time) {
    case 'day':
      return atDepth(pal, base, 0.15);
    case 'dawn':
      return mix(base, pal.haze, 0.35);
    case 'dusk':
      return mix(base, '#8a5a3a', 0.35);
    default:
      return mix(base, '#9a6a2a', 0.25);
  }
}

/** Pointed (lancet) window: a rectangle under a triangular arch. */
function lancet(x: number, y: number, w: number, h: number, fill: string): string {
  return path(
    `M${n(x)},${n(y + h)}V${n(y + w * 0.6)}L${n(x + w / 2)},${n(y)}L${n(x + w)},${n(y + w * 0.6)}V${n(y + h)}Z`,
    fill,
  );
}

/** Slim pinnacle with a pointed cap, used on buttresses and tower corners. */
function pinnacle(x: number, top: number, bottom: number, w: number, fill: string): string {
  return (
    rect(x - w / 2, top, w, bottom - top, fill) +
    polygon(
      [
        [x - w / 2 - 1, top],
        [x, top - w * 3],
        [x + w / 2 + 1, top],
      ],
      fill,
    )
  );
}

interface Palace {
  fill: string;
  shade: string;
  glass: string;
  lit: string;
}

/** Long riverside facade: bays between buttresses, two rows of lancets, a steep roof. */
function facade(scene: Scene, c: Palace, x0: number, x1: number, base: number, top: number): string {
  const { rng } = scene;
  let out = polygon(
    [
      [x0, top],
      [x0 + 14, top - 34],
      [x1 - 14, top - 34],
      [x1, top],
    ],
    c.shade,
  );
  out += rect(x0, top, x1 - x0, base - top, c.fill);
  const bay = 34;
  for (let x = x0 + 8; x < x1 - 20; x += bay) {
    for (const [wy, wh] of [
      [top + 22, 48],
      [top + 92, 52],
    ] as const) {
      out += lancet(x + 8, wy, 11, wh, rng.chance(0.3) ? c.lit : c.glass);
    }
    out += pinnacle(x, top - 44, base, 5, c.shade);
  }
  out += rect(x0, top + 80, x1 - x0, 4, lighten(c.fill, 0.15)) + rect(x0, base - 16, x1 - x0, 16, c.shade);
  return out;
}

/** Clock tower: panelled shaft, clock stage with four-handed face, belfry and a steep spire. */
function clockTower(scene: Scene, c: Palace, x: number, base: number): string {
  const { pal } = scene;
  const w = 84;
  const shaftTop = 340;
  let out = rect(x - w / 2, shaftTop, w, base - shaftTop, c.fill);
  for (let i = 1; i < 4; i++)
    out += rect(x - w / 2 + (i * w) / 4 - 1.5, shaftTop + 10, 3, base - shaftTop - 30, c.shade);
  for (let y = shaftTop + 40; y < base - 60; y += 70) out += lancet(x - 8, y, 16, 40, c.glass);
  out += rect(x - w / 2 - 8, shaftTop - 112, w + 16, 114, c.fill);
  out += rect(x - w / 2 - 8, shaftTop - 6, w + 16, 8, c.shade);
  const face = pal.time === 'day' || pal.time === 'dawn' ? '#f4efe2' : '#ffe9b0';
  const cy = shaftTop - 55;
  out += circle(x, cy, 38, c.shade) + circle(x, cy, 33, face);
  const hand = darken(c.shade, 0.4);
  const angle = scene.rng.range(0, Math.PI * 2);
  out += line(x, cy, x + Math.cos(angle) * 24, cy + Math.sin(angle) * 24, hand, 3);
  out += line(x, cy, x + Math.cos(angle * 3.7) * 16, cy + Math.sin(angle * 3.7) * 16, hand, 4);
  const belfry = shaftTop - 172;
  out += rect(x - w / 2, belfry, w, 62, c.fill);
  for (let i = 0; i < 3; i++) out += lancet(x - w / 2 + 10 + i * 24, belfry + 10, 14, 44, c.glass);
  out += polygon(
    [
      [x - w / 2 - 4, belfry],
      [x, belfry - 125],
      [x + w / 2 + 4, belfry],
    ],
    c.shade,
  );
  for (const dx of [-w / 2 - 2, w / 2 + 2]) out += pinnacle(x + dx, belfry - 24, belfry + 2, 8, c.shade);
  out += line(x, belfry - 125, x, belfry - 150, c.shade, 3);
  return out;
}

/** The larger, square tower at the other end, with corner turrets and a flag. */
function greatTower(scene: Scene, c: Palace, x: number, base: number): string {
  const w = 150;
  const top = 230;
  let out = rect(x - w / 2, top, w, base - top, c.fill);
  for (let y = top + 30; y < base - 80; y += 80) {
    for (let i = 0; i < 3; i++) out += lancet(x - w / 2 + 25 + i * 40, y, 18, 52, c.glass);
  }
  for (const dx of [-w / 2, w / 2]) out += pinnacle(x + dx, top - 40, base, 16, c.shade);
  out += rect(x - w / 2, top - 18, w, 18, c.shade);
  out += line(x, top - 18, x, top - 110, c.shade, 3);
  const flag = scene.rng.pick(['#b8322a', '#23407a', '#1f6b4a']);
  out += path(
    `M${x},${top - 110}Q${x + 30},${top - 118} ${x + 60},${top - 108}L${x + 60},${top - 72}Q${x + 30},${top - 82} ${x},${top - 74}Z`,
    atDepth(scene.pal, flag, 0.15),
  );
  return out;
}

/** Central lantern with a needle spire, breaking the long roof line. */
function lantern(c: Palace, x: number, top: number): string {
  return (
    rect(x - 26, top - 120, 52, 120, c.fill) +
    polygon(
      [
        [x - 30, top - 118],
        [x, top - 250],
        [x + 30, top - 118],
      ],
      c.shade,
    ) +
    lancet(x - 8, top - 100, 16, 60, c.glass)
  );
}

export function parliament(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 640;
  sky(scene, horizon);
  // Keep the sun between the towers so its halo never sits on the spire.
  const sunX = rng.range(450, 1150);
  if (pal.time === 'night') stars(scene, 120, 420);
  sun(
    scene,
    sunX,
    pal.time === 'day' || pal.time === 'night' ? rng.range(110, 200) : rng.range(330, 430),
    36,
  );
  weather(scene, 30, 240);
  const fill = stone(pal);
  const c: Palace = {
    fill,
    shade: darken(fill, pal.time === 'day' ? 0.22 : 0.3),
    glass: pal.time === 'night' ? darken(fill, 0.55) : mix(darken(fill, 0.45), pal.skyTop, 0.3),
    lit: pal.time === 'day' ? mix(darken(fill, 0.45), pal.skyTop, 0.3) : pal.light,
  };
  const base = 628;
  const mirror = rng.chance(0.5);
  // A hazier back range behind the river front adds depth to the long roof line.
  const back: Palace = { ...c, fill: mix(c.fill, pal.haze, 0.3), shade: mix(c.shade, pal.haze, 0.3) };
  let palace = facade(scene, back, 380, 1200, base - 100, 380);
  palace += facade(scene, c, 140, 1460, base, 430);
  palace += lantern(c, rng.range(700, 900), 400);
  palace += clockTower(scene, c, 240, base);
  palace += greatTower(scene, c, 1330, base);
  const drawing = mirror ? group(palace, { transform: `translate(${W} 0) scale(-1 1)` }) : palace;
  svg.add(drawing);
  const wall = darken(c.shade, 0.2);
  svg.add(rect(0, base, W, horizon - base + 4, wall));
  water(scene, horizon, pal.time === 'day' ? undefined : sunX, drawing);
  finish(scene);
}
