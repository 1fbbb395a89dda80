import { finish, openSky, type Scene, sky, stars } from '../backdrop.ts';
import { litShare, skyline, windowFill } from '../city.ts';
import { darken, lighten, mix } from '../color.ts';
import { flag, flagDimmer } from '../flags.ts';
import { atDepth } from '../palette.ts';
import { roundTree } from '../shapes.ts';
import { circle, el, group, H, line, polygon, rect, W } from '../svg.ts';

/** Curtain-wall glass: sky-tinted gradient, diagonal reflections, mullions and lit floors after dark. */
function glassWall(scene: Scene, x: number, y: number, w: number, h: number): string {
  const { svg, rng, pal } = scene;
  const dark = pal.time === 'night';
  const glass = svg.linear(
    [
      [0, dark ? '#1c2a44' : mix(pal.skyMid, '#ffffff', 0.25)],
      [0.5, dark ? '#15213a' : mix(pal.skyTop, pal.ink, 0.25)],
      [1, dark ? '#101828' : mix(pal.skyBottom, pal.ink, 0.35)],
    ],
    { x1: 0, y1: 0, x2: 0.6, y2: 1 },
  );
  let out = rect(x, y, w, h, glass);
  if (litShare(pal) > 0) out += litFloors(scene, x, y, w, h);
  for (let i = 0; i < 3; i++) {
    const bx = x + rng.range(0, w);
    const bw = rng.range(40, 140);
    out += polygon(
      [
        [bx, y],
        [bx + bw, y],
        [bx + bw - h * 0.5, y + h],
        [bx - h * 0.5, y + h],
      ],
      '#ffffff',
      { 'fill-opacity': dark ? 0.03 : 0.1 },
    );
  }
  const mullion = dark ? '#2c3850' : mix(pal.ink, '#c9d2dc', 0.6);
  for (let mx = x; mx <= x + w; mx += 80) out += rect(mx - 2, y, 4, h, mullion);
  for (let my = y; my <= y + h; my += 60) out += rect(x, my - 3, w, 6, mullion);
  return out;
}

/** Interior light seen through glass: each floor a warm band whose brightness varies along its length. */
function litFloors({ svg, rng, pal }: Scene, x: number, y: number, w: number, h: number): string {
  const peak = litShare(pal) * 0.8;
  let out = '';
  for (let fy = y; fy + 50 < y + h; fy += 60) {
    const stops = Array.from(
      { length: 6 },
      (_, i) => [i / 5, pal.light, rng.chance(0.6) ? rng.range(0.05, peak) : 0] as const,
    );
    out += rect(x, fy + 6, w, 48, svg.linear(stops, { x1: 0, y1: 0, x2: 1, y2: 0 }));
  }
  return out;
}

export function summit(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const ground = 600;
  openSky(scene, ground);
  const far = skyline(scene, ground, [80, 220], [60, 120], {
    color: atDepth(pal, mix(pal.ink, '#8d99ab', 0.4), 0.7),
    windows: false,
    lightFromLeft: true,
  });
  svg.add(far);
  // Conference centre: a glass block on a stone podium, under a thin cantilevered roof.
  const bx = rng.range(160, 320);
  const bw = W - bx * 2;
  const top = rng.range(150, 230);
  const frame = atDepth(pal, pal.time === 'night' ? '#3a4560' : '#e6e3dc', 0.15);
  svg.add(glassWall(scene, bx, top, bw, ground - top - 40));
  svg.add(rect(bx - 40, top - 22, bw + 80, 22, frame), rect(bx - 40, top, bw + 80, 6, darken(frame, 0.2)));
  svg.add(rect(bx, ground - 40, bw, 40, darken(frame, 0.1)));
  const plaza = atDepth(pal, pal.time === 'night' ? '#3b4152' : '#c9c2b5', 0.1);
  svg.add(
    rect(
      0,
      ground,
      W,
      H - ground,
      svg.linear([
        [0, plaza],
        [1, darken(plaza, 0.2)],
      ]),
    ),
  );
  let joints = '';
  for (let i = -12; i <= 12; i++)
    joints += line(800 + i * 30, ground, 800 + i * 260, H, darken(plaza, 0.12), 1.5);
  for (let y = ground + 8, gap = 8; y < H; gap *= 1.35, y += gap)
    joints += line(0, y, W, y, darken(plaza, 0.12), 1.5);
  svg.add(joints);
  flagRow(scene, ground);
  finish(scene);
}

/** A row of flagpoles receding diagonally across the plaza, nearest drawn last. */
function flagRow(scene: Scene, ground: number): void {
  const { svg, rng, pal } = scene;
  const count = rng.int(6, 9);
  const fromLeft = rng.chance(0.5);
  const dim = flagDimmer(pal.time === 'night' ? 0.45 : pal.time === 'day' ? 0 : 0.2);
  const pole = pal.time === 'night' ? '#8f98ab' : '#d9dde3';
  let out = '';
  for (let i = count - 1; i >= 0; i--) {
    const t = i / (count - 1);
    const scale = 1 - t * 0.6;
    const xNear = fromLeft ? 180 : W - 180;
    const xFar = fromLeft ? W - 300 : 300;
    const x = xNear + (xFar - xNear) * t;
    const base = H - 60 - t * (H - 60 - ground - 30);
    const height = 560 * scale;
    out += el('ellipse', {
      cx: x,
      cy: base,
      rx: 14 * scale,
      ry: 4 * scale,
      fill: '#000000',
      'fill-opacity': 0.2,
    });
    out +=
      rect(x - 3 * scale, base - height, 6 * scale, height, pole) +
      circle(x, base - height - 4 * scale, 6 * scale, pole);
    out += flag(svg, rng, x + 3 * scale, base - height + 6 * scale, 170 * scale, dim);
  }
  svg.add(out);
}

export function hospital(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const ground = 660;
  openSky(scene, ground);
  const far = skyline(scene, ground, [60, 200], [60, 120], {
    color: atDepth(pal, mix(pal.ink, '#8d99ab', 0.4), 0.72),
    windows: false,
    lightFromLeft: true,
  });
  svg.add(far);
  const wall = atDepth(pal, pal.time === 'night' ? '#4a5166' : '#f1efe9', 0.1);
  const trim = atDepth(pal, rng.pick(['#2f7f86', '#3c6fa8', '#5a8f5a']), 0.15);
  const x0 = rng.range(160, 260);
  const x1 = W - rng.range(160, 260);
  const towerLeft = rng.chance(0.5);
  const tx0 = towerLeft ? x0 + 60 : x1 - 420;
  const towerTop = 170;
  svg.add(block(scene, tx0, towerTop, 360, ground - towerTop, wall, trim));
  svg.add(block(scene, x0, 390, x1 - x0, ground - 390, wall, trim));
  // Cross sign on the tower: a white panel with a coloured cross, lit after dark.
  const cx = tx0 + 180;
  const cy = towerTop + 70;
  const cross = pal.time === 'night' ? '#ff5a55' : '#d6332e';
  svg.add(el('rect', { x: cx - 44, y: cy - 44, width: 88, height: 88, rx: 12, fill: '#fbfbf8' }));
  svg.add(rect(cx - 12, cy - 32, 24, 64, cross), rect(cx - 32, cy - 12, 64, 24, cross));
  const door = (x0 + x1) / 2 + rng.range(-150, 150);
  svg.add(
    rect(door - 120, ground - 110, 240, 12, darken(wall, 0.15)),
    rect(door - 100, ground - 98, 200, 98, mix(trim, '#1d2833', 0.5)),
  );
  svg.add(rect(door - 4, ground - 98, 8, 98, darken(wall, 0.1)));
  const lawn = pal.time === 'day' ? pal.land : mix(pal.land, pal.ink, 0.45);
  svg.add(rect(0, ground, W, H - ground, lawn));
  const road = atDepth(pal, pal.time === 'night' ? '#252a36' : '#6b6e74', 0.05);
  svg.add(rect(0, 760, W, 140, road), rect(0, 756, W, 6, lighten(road, 0.4)));
  for (let x = 40; x < W; x += 140) svg.add(rect(x, 826, 70, 6, '#e8e4d8', { 'fill-opacity': 0.7 }));
  let trees = '';
  for (let i = 0; i < rng.int(4, 7); i++) {
    const x = rng.range(0, W);
    if (Math.abs(x - door) < 180) continue;
    trees += roundTree(
      x,
      ground + 24,
      rng.range(120, 180),
      atDepth(pal, darken(pal.land, 0.35), 0.1),
      rng,
      darken(pal.ink, 0.1),
    );
  }
  svg.add(trees);
  svg.add(ambulance(scene, rng.chance(0.5) ? rng.range(150, 500) : rng.range(1000, 1250), 800));
  finish(scene);
}

/** Hospital block: ribbon windows between coloured floor bands. */
function block(scene: Scene, x: number, y: number, w: number, h: number, wall: string, trim: string): string {
  let out = rect(x, y, w, h, wall) + rect(x, y - 10, w, 10, darken(wall, 0.15));
  const glass = windowFill(scene, x + 24, y + 30, { w: 30, h: 34, gapX: 4, gapY: 0 }, 'none');
  for (let fy = y + 30; fy < y + h - 60; fy += 64) {
    out += rect(x + 24, fy, w - 48, 34, mix(trim, '#1d2833', 0.45));
    out += rect(x + 24, fy, w - 48, 34, glass);
    out += rect(x + 24, fy + 34, w - 48, 6, trim);
  }
  return out;
}

/** Side-on ambulance: box body, cab, high-visibility stripe, beacon and wheels. */
function ambulance({ rng, pal }: Scene, x: number, road: number): string {
  const body = pal.time === 'night' ? '#c9ccd4' : '#f7f6f0';
  const stripe = rng.pick(['#2e8b57', '#d6332e', '#1f5fb0']);
  const dir = rng.chance(0.5) ? 1 : -1;
  const w = 300;
  const h = 130;
  const top = road - h - 20;
  const cabX = dir > 0 ? x + w * 0.72 : x;
  let out = el('rect', { x, y: top, width: w * 0.74, height: h, rx: 8, fill: body });
  out += el('path', {
    d:
      dir > 0
        ? `M${cabX},${top + 30}H${cabX + 50}L${x + w},${top + 80}V${top + h}H${cabX}Z`
        : `M${x + w * 0.28},${top + 30}H${x + w * 0.28 - 50}L${x - w * 0.02},${top + 80}V${top + h}H${x + w * 0.28}Z`,
    fill: body,
  });
  const glassX = dir > 0 ? cabX + 8 : x + w * 0.28 - 52;
  out += polygon(
    dir > 0
      ? [
          [glassX, top + 38],
          [glassX + 40, top + 38],
          [glassX + 70, top + 76],
          [glassX, top + 76],
        ]
      : [
          [glassX + 44, top + 38],
          [glassX + 4, top + 38],
          [glassX - 26, top + 76],
          [glassX + 44, top + 76],
        ],
    '#2a3646',
  );
  const bodyX = dir > 0 ? x : x + w * 0.26;
  for (let i = 0; i < 8; i++) {
    out += rect(bodyX + i * 28, top + 70, 28, 22, i % 2 === 0 ? stripe : '#f2d024');
  }
  out += rect(x, top + 100, w, 6, stripe);
  const beaconX = dir > 0 ? x + 20 : x + w - 60;
  out += rect(beaconX, top - 10, 40, 10, '#3d7fe0');
  if (pal.time !== 'day') out += circle(beaconX + 20, top - 6, 36, '#5b9cff', { 'fill-opacity': 0.25 });
  for (const wx of [x + 60, x + w - 60])
    out += circle(wx, road - 20, 26, '#1e2128') + circle(wx, road - 20, 11, '#9aa0aa');
  return group(out);
}

/**
 * Stadium bowl in perspective. World units are metres with the pitch centre at x = 0; z is depth
 * from the camera, which looks down from high in the near stand.
 */
function stadiumProjector() {
  const focal = 1100;
  const eye = 40;
  const horizon = 80;
  return (x: number, y: number, z: number): readonly [number, number] => [
    800 + (focal * x) / z,
    horizon + (focal * (eye - y)) / z,
  ];
}

type Project = ReturnType<typeof stadiumProjector>;

/** Points around a rounded rectangle centred on the pitch, `margin` metres out, at height y. */
function ring(project: Project, margin: number, y: number, minZ: number): (readonly [number, number])[] {
  const hx = 52.5 + margin;
  const hz = 34 + margin;
  const r = Math.min(hx, hz) * 0.7;
  const pts: (readonly [number, number])[] = [];
  // Start at the near side (which is cut away) so the kept points form one continuous arc.
  for (let i = 0; i <= 160; i++) {
    const a = Math.PI * 1.5 + (i / 160) * Math.PI * 2;
    const cx = Math.sign(Math.cos(a)) * (hx - r);
    const cz = Math.sign(Math.sin(a)) * (hz - r);
    const wx = cx + Math.cos(a) * r;
    const wz = 114 + cz + Math.sin(a) * r;
    if (wz >= minZ) pts.push(project(wx, y, wz));
  }
  return pts;
}

export function stadium(scene: Scene): void {
  const { svg, rng, pal } = scene;
  const p = stadiumProjector();
  sky(scene, 200);
  if (pal.time === 'night') stars(scene, 60, 120);
  const home = rng.pick(['#c8322c', '#2456a6', '#e2b52f', '#1f7a4a', '#6b2f7a']);
  const away = rng.pick(['#f2f2ee', '#1d1f26', '#5bb3e8']);
  const crowd = crowdPattern(scene, home, away);
  const shell = atDepth(pal, pal.time === 'day' ? '#b9bec7' : '#2c3140', 0.2);
  const outer = ring(p, 60, 34, 60);
  const inner = ring(p, 9, 0, 60);
  const stand = `M${outer.map(([x, y]) => `${x},${y}`).join('L')}L${[...inner]
    .reverse()
    .map(([x, y]) => `${x},${y}`)
    .join('L')}Z`;
  // The bowl wraps all the way round, so everything below the roof line starts out as seated crowd.
  svg.add(rect(0, 120, W, H - 120, shell), rect(0, 120, W, H - 120, crowd));
  svg.add(el('path', { d: stand, fill: 'none', stroke: darken(shell, 0.3), 'stroke-width': 3 }));
  let tiers = '';
  for (const [m, y] of [
    [24, 12],
    [40, 22],
  ] as const) {
    const t = ring(p, m, y, 60);
    tiers += el('polyline', {
      points: t.map(([x, yy]) => `${x},${yy}`).join(' '),
      fill: 'none',
      stroke: darken(shell, 0.3),
      'stroke-width': 8,
    });
  }
  svg.add(tiers);
  const shadow = svg.linear([
    [0, '#000000', 0.55],
    [1, '#000000', 0],
  ]);
  svg.add(rect(0, 100, W, 260, shadow));
  svg.add(roof(scene, p));
  pitch(scene, p, home, away);
  svg.add(boards(scene, p));
  frontRow(scene);
  finish(scene, 0.8);
}

/** Seated crowd texture: a small tile of heads in team colours on a dark ground. */
function crowdPattern({ svg, rng, pal }: Scene, home: string, away: string): string {
  // Low contrast between seats and shirts: reads as a crowd without turning into high-frequency noise.
  const dim = pal.time === 'day' ? 0.1 : 0.35;
  const seats = darken(home, 0.6);
  let tile = rect(0, 0, 60, 36, seats);
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 10; col++) {
      const c =
        rng.next() < 0.7
          ? home
          : rng.next() < 0.5
            ? away
            : rng.pick(['#d9b08c', '#8a5a3c', '#f0d8c0', '#2b2b2b']);
      tile += circle(
        col * 6 + 3 + (row % 2) * 3,
        row * 9 + 4,
        2.4,
        mix(darken(c, dim + rng.range(0, 0.2)), seats, 0.3),
      );
    }
  }
  return svg.pattern(60, 36, tile);
}

/** Roof canopy over the far stand, with a row of floodlights and their glow. */
function roof({ svg, pal }: Scene, p: Project): string {
  const back = ring(p, 62, 44, 100);
  const front = ring(p, 44, 44, 100);
  const color = pal.time === 'day' ? '#d8dce2' : '#1c202a';
  let out = el('polygon', {
    points: [...back, ...[...front].reverse()].map(([x, y]) => `${x},${y}`).join(' '),
    fill: color,
  });
  out += el('polyline', {
    points: front.map(([x, y]) => `${x},${y}`).join(' '),
    fill: 'none',
    stroke: darken(color, 0.3),
    'stroke-width': 5,
  });
  const lit = pal.time !== 'day';
  for (let i = 4; i < front.length - 4; i += 4) {
    const pt = front[i];
    if (!pt) continue;
    if (lit)
      out +=
        circle(pt[0], pt[1] + 4, 16, '#fffbe6', { 'fill-opacity': 0.1 }) +
        circle(pt[0], pt[1] + 4, 9, '#fffbe6', { 'fill-opacity': 0.2 });
    out += rect(pt[0] - 5, pt[1] + 1, 10, 5, lit ? '#fffbe6' : '#9aa3b0');
  }
  if (lit) {
    const beam = svg.linear([
      [0, '#fffbe6', 0.16],
      [1, '#fffbe6', 0],
    ]);
    out += rect(0, 140, W, 420, beam);
  }
  return out;
}

/** Mown stripes, markings, goals and a scatter of players. */
function pitch(scene: Scene, p: Project, home: string, away: string): void {
  const { svg, rng, pal } = scene;
  const grass = pal.time === 'day' ? '#4f9a45' : '#3f8a3e';
  const apron = ring(p, 9, 0, 60);
  svg.add(el('polygon', { points: apron.map(([x, y]) => `${x},${y}`).join(' '), fill: darken(grass, 0.15) }));
  const quad = (x0: number, z0: number, x1: number, z1: number, fill: string) =>
    polygon([p(x0, 0, z0), p(x1, 0, z0), p(x1, 0, z1), p(x0, 0, z1)], fill);
  let out = '';
  for (let i = 0; i < 14; i++) {
    const x0 = -52.5 + (i * 105) / 14;
    out += quad(x0, 80, x0 + 105 / 14, 148, i % 2 === 0 ? grass : lighten(grass, 0.1));
  }
  const chalk = '#f4f4ee';
  const lineQuad = (x0: number, z0: number, x1: number, z1: number) => {
    const pts = [p(x0, 0, z0), p(x1, 0, z0), p(x1, 0, z1), p(x0, 0, z1)];
    return el('polygon', {
      points: pts.map(([x, y]) => `${x},${y}`).join(' '),
      fill: 'none',
      stroke: chalk,
      'stroke-width': 2.5,
    });
  };
  out += lineQuad(-52.5, 80, 52.5, 148) + lineQuad(-52.5, 94, -36, 134) + lineQuad(36, 94, 52.5, 134);
  out += lineQuad(-52.5, 105, -47, 123) + lineQuad(47, 105, 52.5, 123);
  const [hx0, hy0] = p(0, 0, 80);
  const [hx1, hy1] = p(0, 0, 148);
  out += line(hx0, hy0, hx1, hy1, chalk, 2.5);
  const circlePts = Array.from({ length: 40 }, (_, i) =>
    p(Math.cos((i / 40) * Math.PI * 2) * 9.15, 0, 114 + Math.sin((i / 40) * Math.PI * 2) * 9.15),
  );
  out += el('polygon', {
    points: circlePts.map(([x, y]) => `${x},${y}`).join(' '),
    fill: 'none',
    stroke: chalk,
    'stroke-width': 2.5,
  });
  for (const gx of [-52.5, 52.5]) {
    const pts = [p(gx, 0, 110.3), p(gx, 2.44, 110.3), p(gx, 2.44, 117.7), p(gx, 0, 117.7)];
    out += el('polyline', {
      points: pts.map(([x, y]) => `${x},${y}`).join(' '),
      fill: 'none',
      stroke: chalk,
      'stroke-width': 3,
    });
  }
  for (let i = 0; i < 22; i++) {
    const x = rng.range(-45, 45);
    const z = rng.range(84, 144);
    const [fx, fy] = p(x, 0, z);
    const [, hy] = p(x, 2.6, z);
    const h = fy - hy;
    out += el('ellipse', {
      cx: fx,
      cy: fy,
      rx: h * 0.35,
      ry: h * 0.08,
      fill: '#000000',
      'fill-opacity': 0.25,
    });
    out += el('rect', {
      x: fx - h * 0.14,
      y: hy + h * 0.18,
      width: h * 0.28,
      height: h * 0.82,
      rx: h * 0.1,
      fill: i < 11 ? home : away,
    });
    out += circle(fx, hy + h * 0.1, h * 0.11, '#e0b894');
  }
  svg.add(out);
}

/** Pitch-side LED boards in abstract colour blocks (no lettering). */
function boards({ rng }: Scene, p: Project): string {
  const colors = ['#e63946', '#1d3557', '#f1faee', '#2a9d8f', '#f4a261', '#3a86ff'];
  let out = '';
  for (let x = -70; x < 70; x += 10) {
    out += polygon([p(x, 0, 76), p(x + 10, 0, 76), p(x + 10, 1, 76), p(x, 1, 76)], rng.pick(colors));
  }
  return out;
}

/** Silhouetted heads and shoulders of fans in the nearest row. */
function frontRow({ svg, rng, pal }: Scene): void {
  const color = darken(pal.ink, 0.2);
  let out = '';
  for (let x = -20; x < W + 40; x += rng.range(46, 70)) {
    const y = H - rng.range(20, 60);
    const s = rng.range(0.9, 1.2);
    out +=
      el('ellipse', { cx: x, cy: y + 60 * s, rx: 50 * s, ry: 50 * s, fill: color }) +
      circle(x, y, 24 * s, color);
    if (rng.chance(0.08))
      out +=
        rect(x + 16, y - 80, 4, 80, color) +
        polygon(
          [
            [x + 20, y - 80],
            [x + 70, y - 70],
            [x + 20, y - 58],
          ],
          rng.pick(['#c8322c', '#2456a6', '#e2b52f']),
        );
  }
  svg.add(out);
}
