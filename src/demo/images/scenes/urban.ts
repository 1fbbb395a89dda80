import { birds, finish, mist, openSky, ridge, ridgePoints, type Scene, water } from '../backdrop.ts';
import { lamps, skyline } from '../city.ts';
import { darken, lighten, mix } from '../color.ts';
import { atDepth, type Palette } from '../palette.ts';
import { circle, el, group, H, line, n, type Point, path, polygon, rect, W } from '../svg.ts';

/** Base building colour for a palette: concrete by day, deep blue-grey after dark. */
function concrete(pal: Palette): string {
  return mix(pal.ink, '#8d99ab', pal.time === 'day' ? 0.55 : pal.time === 'night' ? 0.12 : 0.3);
}

export function cityscape(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 650;
  const s = openSky(scene, horizon);
  const lightFromLeft = s.x < W / 2;
  const base = concrete(pal);
  const river = rng.chance(0.5);
  const far = skyline(scene, horizon, [120, 300], [50, 110], {
    color: atDepth(pal, base, 0.75),
    windows: false,
    lightFromLeft,
  });
  svg.add(far);
  mist(scene, horizon - 140, 160, 0.7);
  const mid = skyline(scene, river ? 700 : 740, [150, 380], [70, 140], {
    color: atDepth(pal, base, 0.45),
    windows: true,
    lightFromLeft,
  });
  svg.add(mid);
  mist(scene, 600, 140, 0.4);
  if (river) {
    water(scene, 700, pal.time === 'day' ? undefined : s.x, far + mid);
    svg.add(rect(0, 696, W, 10, darken(base, 0.3)), lamps(pal, 700, 120, 34, darken(base, 0.4)));
  } else {
    const near = skyline(scene, 900, [220, 420], [120, 200], {
      color: atDepth(pal, base, 0.18),
      windows: true,
      lightFromLeft,
    });
    svg.add(near);
  }
  birds(scene, rng.range(300, 1300), rng.range(140, 240), rng.int(2, 5));
  finish(scene);
}

const containerColors = [
  '#a8432f',
  '#2f5d86',
  '#c8953a',
  '#3f7f6e',
  '#8a8f96',
  '#6d3f5c',
  '#d46a3c',
  '#2d4a5c',
];

/** Block of stacked containers; vertical ribbing comes from a shared stripe pattern. */
function containers(
  scene: Scene,
  x: number,
  base: number,
  cols: number,
  rows: number,
  size: number,
  ribs: string,
): string {
  const { rng, pal } = scene;
  let out = '';
  for (let c = 0; c < cols; c++) {
    const height = rng.int(Math.max(1, rows - 2), rows);
    for (let r = 0; r < height; r++) {
      const color = atDepth(
        pal,
        mix(rng.pick(containerColors), pal.ink, pal.time === 'night' ? 0.6 : 0.1),
        0.3,
      );
      const cx = x + c * size * 2.05;
      const cy = base - (r + 1) * size;
      out += rect(cx, cy, size * 2, size - 1, color) + rect(cx, cy, size * 2, size - 1, ribs);
    }
  }
  return out;
}

/** Ship-to-shore gantry crane in profile: portal legs, A-frame and a boom reaching over the water. */
function crane(x: number, base: number, s: number, color: string, dark: string, reachLeft: boolean): string {
  const dir = reachLeft ? -1 : 1;
  const legH = 230 * s;
  const span = 110 * s;
  const boomY = base - legH - 30 * s;
  const apex = boomY - 110 * s;
  const front = x + dir * 320 * s;
  const back = x - dir * (span + 120 * s);
  const stroke = (x1: number, y1: number, x2: number, y2: number, w: number) =>
    line(x1, y1, x2, y2, color, w * s);
  let out = '';
  out += stroke(x, base, x, boomY, 9) + stroke(x - dir * span, base, x - dir * span, boomY, 9);
  out += stroke(x, base - legH * 0.5, x - dir * span, base - legH * 0.5, 6);
  out +=
    stroke(x, base - legH * 0.5, x - dir * span, boomY, 3) +
    stroke(x - dir * span, base - legH * 0.5, x, boomY, 3);
  out += stroke(x - dir * span * 0.5, boomY, x - dir * span * 0.5, apex, 7);
  out +=
    stroke(x - dir * span * 0.5, apex, front, boomY, 2.5) +
    stroke(x - dir * span * 0.5, apex, back, boomY, 2.5);
  out += stroke(x - dir * span * 0.5, apex, x + dir * 150 * s, boomY, 2);
  out += rect(Math.min(front, back), boomY - 9 * s, Math.abs(front - back), 14 * s, color);
  out += rect(
    Math.min(x - dir * span, x - dir * (span + 110 * s)),
    boomY + 5 * s,
    110 * s - 10 * s,
    34 * s,
    dark,
  );
  const trolley = x + dir * 200 * s;
  out +=
    rect(trolley - 14 * s, boomY + 4 * s, 28 * s, 16 * s, dark) +
    line(trolley, boomY + 20 * s, trolley, boomY + 120 * s, dark, 2);
  return out;
}

function ship(scene: Scene, x: number, waterline: number, length: number, ribs: string): string {
  const { rng, pal } = scene;
  const hullH = length * 0.09;
  const deck = waterline - hullH;
  const hull = atDepth(pal, rng.pick(['#1f2d3d', '#2b2f36', '#233c5c', '#3b2a2a']), 0.2);
  const bottom = atDepth(pal, '#8c2f2a', 0.2);
  let out = polygon(
    [
      [x, deck],
      [x + length, deck - hullH * 0.25],
      [x + length - hullH * 0.9, waterline],
      [x + hullH * 0.2, waterline],
      [x, waterline - hullH * 0.4],
    ],
    hull,
  );
  out += polygon(
    [
      [x + hullH * 0.1, waterline - hullH * 0.22],
      [x + length - hullH * 0.72, waterline - hullH * 0.22],
      [x + length - hullH * 0.9, waterline],
      [x + hullH * 0.2, waterline],
    ],
    bottom,
  );
  const size = length * 0.022;
  const bay = x + length * 0.2;
  out += containers(scene, bay, deck, Math.floor((length * 0.68) / (size * 2.05)), rng.int(3, 5), size, ribs);
  const white = atDepth(pal, pal.time === 'night' ? '#8c93a6' : '#eef0ee', 0.2);
  const houseX = x + length * 0.05;
  const houseH = hullH * 2.6;
  out += rect(houseX, deck - houseH, length * 0.1, houseH, white);
  out += rect(houseX - length * 0.02, deck - houseH - 6, length * 0.14, 10, white);
  out += rect(
    houseX + 4,
    deck - houseH + 10,
    length * 0.1 - 8,
    6,
    pal.time === 'day' ? darken(white, 0.5) : pal.light,
  );
  out += rect(
    houseX + length * 0.03,
    deck - houseH - hullH * 0.8,
    length * 0.035,
    hullH * 0.8,
    darken(hull, 0.1),
  );
  return out;
}

export function harbour(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 560;
  const s = openSky(scene, horizon);
  const hills = ridgePoints(rng, horizon - 30, 50, 0.5, 5);
  const far = skyline(scene, horizon, [40, 140], [40, 90], {
    color: atDepth(pal, concrete(pal), 0.72),
    windows: false,
    lightFromLeft: true,
  });
  svg.add(ridge(hills, atDepth(pal, mix(pal.land, pal.ink, 0.4), 0.8), true), far);
  const ribs = svg.pattern(6, 10, rect(0, 0, 2, 10, '#000000', { 'fill-opacity': 0.18 }));
  const quayY = 610;
  const craneColor = atDepth(
    pal,
    mix(rng.pick(['#c8452f', '#2f6fa8', '#d9a12a', '#e6e6e2']), pal.ink, pal.time === 'night' ? 0.55 : 0.05),
    0.25,
  );
  const reachLeft = rng.chance(0.5);
  let port = rect(0, quayY - 6, W, 20, atDepth(pal, pal.ink, 0.35));
  for (let i = 0; i < 4; i++) {
    port += containers(scene, rng.range(0, W - 200), quayY - 6, rng.int(3, 6), rng.int(2, 4), 16, ribs);
  }
  const count = rng.int(2, 4);
  for (let i = 0; i < count; i++) {
    const x = ((i + 0.5) / count) * W + rng.range(-60, 60);
    port += crane(x, quayY - 6, rng.range(0.95, 1.1), craneColor, darken(craneColor, 0.35), reachLeft);
  }
  port += lamps(pal, quayY - 6, 160, 40, atDepth(pal, pal.ink, 0.3));
  const length = rng.range(850, 1100);
  const vessel = ship(scene, rng.range(40, W - length - 40), quayY + 40, length, ribs);
  svg.add(port);
  // The ship floats in front of the quay, so it is drawn after the water it sits in.
  water(scene, quayY + 14, pal.time === 'day' ? undefined : s.x, port + vessel);
  svg.add(vessel);
  birds(scene, rng.range(300, 1300), rng.range(120, 220), rng.int(3, 6));
  finish(scene);
}

/** Suspension or cable-stayed bridge in profile, in a seeded paint colour. */
function bridgeStructure(scene: Scene, deckY: number, waterY: number): string {
  const { rng, pal } = scene;
  // Landmark bridges are floodlit, so at night the paint stays readable instead of going to black.
  const paint = atDepth(
    pal,
    mix(rng.pick(['#c0472e', '#8f9aa6', '#e8e4da', '#3d5a73']), pal.ink, pal.time === 'night' ? 0.3 : 0.08),
    0.25,
  );
  const lit = pal.time === 'night' || pal.time === 'dusk';
  const dark = darken(paint, 0.3);
  let out = '';
  if (rng.chance(0.6)) {
    const towers = [rng.range(360, 480), rng.range(1120, 1240)] as const;
    const top = deckY - rng.range(300, 360);
    const cable = (x0: number, y0: number, x1: number, y1: number, sag: number): Point[] =>
      Array.from({ length: 41 }, (_, i) => {
        const t = i / 40;
        return [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)] as const;
      });
    const spans = [
      cable(-60, deckY + 10, towers[0], top, 60),
      cable(towers[0], top, towers[1], top, deckY - top - 20),
      cable(towers[1], top, W + 60, deckY + 10, 60),
    ];
    for (const span of spans) {
      for (let i = 1; i < span.length - 1; i++) {
        const p = span[i];
        if (p && p[1] < deckY - 4) out += line(p[0], p[1], p[0], deckY, paint, 1.6);
      }
      out += path(`M${span.map(([x, y]) => `${n(x)},${n(y)}`).join('L')}`, 'none', {
        stroke: paint,
        'stroke-width': 5,
      });
      if (lit)
        for (let i = 2; i < span.length - 1; i += 3)
          out += circle(span[i]?.[0] ?? 0, span[i]?.[1] ?? 0, 2.2, pal.light);
    }
    for (const tx of towers) {
      out += rect(tx - 14, top - 10, 28, waterY - top + 30, paint);
      for (const y of [top + 20, top + (deckY - top) * 0.45, deckY - 40])
        out += rect(tx - 20, y, 40, 12, dark);
      out += rect(tx - 30, deckY + 20, 60, waterY - deckY + 20, dark);
    }
  } else {
    const pylons = rng.chance(0.5) ? [W / 2] : [rng.range(480, 560), rng.range(1040, 1120)];
    for (const px of pylons) {
      const top = deckY - rng.range(280, 340);
      for (let k = 1; k <= 9; k++) {
        const reach = k * (pylons.length === 1 ? 70 : 48);
        const y = top + 12 + k * 7;
        out += line(px, y, px - reach, deckY, paint, 1.8) + line(px, y, px + reach, deckY, paint, 1.8);
      }
      out += polygon(
        [
          [px - 12, top],
          [px + 12, top],
          [px + 20, waterY + 20],
          [px - 20, waterY + 20],
        ],
        paint,
      );
    }
  }
  out += rect(-10, deckY, W + 20, 22, dark) + rect(-10, deckY - 4, W + 20, 6, paint);
  if (pal.time !== 'day') {
    for (let x = 20; x < W; x += 64) out += circle(x, deckY - 10, 2.5, pal.light);
  }
  return out;
}

export function bridge(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 600;
  const s = openSky(scene, horizon);
  const hills = ridgePoints(rng, horizon - 20, 60, 0.5, 5);
  const city = skyline(scene, horizon, [50, 170], [40, 90], {
    color: atDepth(pal, concrete(pal), 0.7),
    windows: false,
    lightFromLeft: true,
  });
  const scenery = ridge(hills, atDepth(pal, mix(pal.land, pal.ink, 0.4), 0.82), true) + city;
  svg.add(scenery);
  const structure = bridgeStructure(scene, 500, horizon);
  svg.add(structure);
  water(scene, horizon, pal.time === 'day' ? undefined : s.x, scenery + structure);
  const bank = ridgePoints(rng, 860, 30, 0.5, 4);
  svg.add(ridge(bank, pal.ink, true));
  birds(scene, rng.range(300, 1300), rng.range(140, 240), rng.int(3, 6));
  finish(scene);
}

/**
 * Railway in one-point perspective. World units are metres: x across, y up, z away from the viewer;
 * the camera stands 3 m above the ground between the two tracks.
 */
function projector(vx: number, vy: number) {
  const focal = 900;
  const eye = 3;
  return (x: number, y: number, z: number): Point => [vx + (focal * x) / z, vy + (focal * (eye - y)) / z];
}

export function railway(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const horizon = 470;
  const vx = rng.range(620, 980);
  openSky(scene, horizon);
  const hills = ridgePoints(rng, horizon - 10, 45, 0.5, 5);
  svg.add(ridge(hills, atDepth(pal, mix(pal.land, pal.ink, 0.35), 0.75), true));
  svg.add(treeline(scene, horizon + 2));
  const p = projector(vx, horizon);
  const grass = pal.time === 'day' ? pal.land : mix(pal.land, pal.ink, pal.time === 'night' ? 0.6 : 0.3);
  svg.add(
    rect(
      0,
      horizon,
      W,
      H - horizon,
      svg.linear([
        [0, atDepth(pal, grass, 0.6)],
        [1, darken(grass, 0.15)],
      ]),
    ),
  );
  svg.add(verge(scene, p));
  svg.add(trackBed(scene, p));
  svg.add(catenary(scene, p));
  svg.add(train(scene, p, 2.4, rng.range(17, 26)));
  finish(scene);
}

/** Low trees and the odd roof along the horizon, so the perspective has somewhere to go. */
function treeline({ rng, pal }: Scene, base: number): string {
  const color = atDepth(pal, mix(pal.land, pal.ink, 0.55), 0.55);
  let out = '';
  for (let x = -20; x < W + 20; x += rng.range(14, 40)) {
    if (rng.chance(0.25)) continue;
    out += circle(x, base - rng.range(4, 12), rng.range(8, 18), color);
  }
  return out + rect(0, base - 6, W, 8, color);
}

/** Grass verges with fence posts running alongside the line. */
function verge({ pal }: Scene, p: (x: number, y: number, z: number) => Point): string {
  const post = mix(pal.ink, pal.haze, 0.3);
  let out = '';
  for (const side of [-11, 11]) {
    for (let z = 6; z < 200; z *= 1.12) {
      const [bx, by] = p(side, 0, z);
      const [, ty] = p(side, 1.2, z);
      out += line(bx, by, bx, ty, post, Math.max(1, 250 / z));
    }
    const [x0, y0] = p(side, 1, 6);
    const [x1, y1] = p(side, 1, 2000);
    out += line(x0, y0, x1, y1, post, 2);
  }
  return out;
}

/** Ballast, sleepers and rails for two tracks; sleepers stop where they would be sub-pixel. */
function trackBed({ svg, pal }: Scene, p: (x: number, y: number, z: number) => Point): string {
  const ballast = pal.time === 'night' ? '#2a2a33' : mix('#8a8176', pal.ink, pal.time === 'day' ? 0.1 : 0.35);
  const far = 2000;
  let out = polygon(
    [p(-5, 0, 5), p(5, 0, 5), p(5, 0, far), p(-5, 0, far)],
    svg.linear([
      [0, mix(ballast, pal.haze, 0.6)],
      [1, ballast],
    ]),
  );
  const sleeper = darken(ballast, 0.35);
  const rail = pal.time === 'night' ? '#8e9ab5' : lighten(ballast, 0.55);
  for (const track of [-2.4, 2.4]) {
    for (let z = 5; z < 160; z += 0.7) {
      out += polygon(
        [
          p(track - 1.3, 0, z),
          p(track + 1.3, 0, z),
          p(track + 1.3, 0, z + 0.25),
          p(track - 1.3, 0, z + 0.25),
        ],
        sleeper,
      );
    }
    for (const offset of [-0.72, 0.72]) {
      out += polygon(
        [
          p(track + offset - 0.05, 0.15, 5),
          p(track + offset + 0.05, 0.15, 5),
          p(track + offset, 0.15, far),
          p(track + offset, 0.15, far),
        ],
        rail,
      );
    }
  }
  return out;
}

/** Overhead line masts either side with wires converging on the vanishing point. */
function catenary({ pal }: Scene, p: (x: number, y: number, z: number) => Point): string {
  const color = mix(pal.ink, pal.haze, 0.2);
  let out = '';
  for (let z = 22; z < 400; z += 45) {
    for (const side of [-6, 6]) {
      const [bx, by] = p(side, 0, z);
      const [tx, ty] = p(side, 7, z);
      const [ax] = p(side * 0.25, 7, z);
      const w = Math.max(1, 1800 / z / 6);
      out += line(bx, by, tx, ty, color, w) + line(tx, ty + w, ax, ty + w, color, w * 0.6);
    }
  }
  for (const x of [-2.4, 2.4]) {
    const [x0, y0] = p(x, 6.2, 22);
    const [x1, y1] = p(x, 6.2, 3000);
    out += line(x0, y0, x1, y1, color, 1.5);
  }
  return out;
}

/** Modern multiple unit approaching on the right track: front face plus the visible left flank. */
function train(
  scene: Scene,
  p: (x: number, y: number, z: number) => Point,
  track: number,
  z: number,
): string {
  const { rng, pal } = scene;
  const livery = atDepth(
    pal,
    mix(
      rng.pick(['#c8362f', '#2c5fa3', '#e0b437', '#2f7a5c', '#e9e7e1']),
      pal.ink,
      pal.time === 'night' ? 0.5 : 0.05,
    ),
    0.1,
  );
  const band = atDepth(pal, rng.pick(['#20262f', '#e9e7e1', '#c8362f']), 0.1);
  const glass = pal.time === 'day' ? mix(pal.skyMid, '#1d2833', 0.55) : '#141a26';
  const left = track - 1.45;
  const right = track + 1.45;
  const length = 160;
  let out = polygon(
    [p(left, 0.5, z), p(left, 3.7, z), p(left, 3.7, z + length), p(left, 0.5, z + length)],
    darken(livery, 0.12),
  );
  out += polygon(
    [p(left, 2.1, z + 1), p(left, 2.9, z + 1), p(left, 2.9, z + length), p(left, 2.1, z + length)],
    glass,
  );
  for (let car = 1; car < 7; car++) {
    const [x0, y0] = p(left, 0.5, z + car * 24);
    const [, y1] = p(left, 3.7, z + car * 24);
    out += line(x0, y0, x0, y1, darken(livery, 0.4), 1.5);
  }
  out += polygon(
    [p(left, 0.5, z), p(left, 1.1, z), p(left, 1.1, z + length), p(left, 0.5, z + length)],
    band,
  );
  // Front face: slightly tapered nose with a wide windscreen and two lamps.
  const [fx0, fy0] = p(left, 0.4, z);
  const [fx1, fy1] = p(right, 3.9, z);
  const w = fx1 - fx0;
  const h = fy0 - fy1;
  out += el('rect', { x: n(fx0), y: n(fy1), width: n(w), height: n(h), rx: n(w * 0.18), fill: livery });
  out += el('rect', {
    x: n(fx0 + w * 0.1),
    y: n(fy1 + h * 0.12),
    width: n(w * 0.8),
    height: n(h * 0.3),
    rx: n(w * 0.08),
    fill: glass,
  });
  out += rect(fx0, fy0 - h * 0.28, w, h * 0.14, band);
  const lampOn = pal.time !== 'day';
  const lampColor = lampOn ? '#fff6d8' : lighten(livery, 0.5);
  for (const lx of [fx0 + w * 0.2, fx0 + w * 0.8]) {
    if (lampOn)
      for (const r of [w * 0.2, w * 0.12])
        out += circle(lx, fy0 - h * 0.36, r, '#fff2c8', { 'fill-opacity': 0.18 });
    out += circle(lx, fy0 - h * 0.36, w * 0.05, lampColor);
  }
  out += rect(fx0 + w * 0.15, fy0, w * 0.7, h * 0.05, darken(livery, 0.5));
  const [px, py] = p(track, 3.9, z + 3);
  out +=
    line(px - w * 0.15, py, px, py - h * 0.35, darken(livery, 0.5), 2) +
    line(px, py - h * 0.35, px + w * 0.2, py - h * 0.35, darken(livery, 0.5), 2);
  return group(out);
}
