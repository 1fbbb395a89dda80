import { darken, lighten, mix } from './color.ts';
import { Rng } from './random.ts';
import { circle, el, ellipse, group, path, rect, Svg } from './svg.ts';

/**
 * Friendly illustrated head-and-shoulders portrait for author bylines. Drawn on a 256×256 canvas
 * and scaled by the viewBox; the seed picks skin tone, hair, clothes and background.
 */

const skins = ['#f6d5b8', '#efc29c', '#e0aa80', '#c98e62', '#b07550', '#8d5a3a', '#6e4229', '#52301e'];
const hairColors = [
  '#1c1714',
  '#3b2618',
  '#5e3a22',
  '#8a5a32',
  '#b0773f',
  '#d6b27a',
  '#9a9a9a',
  '#d9d4cc',
  '#7a2e1c',
];
const clothes = [
  '#2f4858',
  '#8e3b46',
  '#3d5a80',
  '#5b7553',
  '#c07a3a',
  '#6b4e71',
  '#2b2d42',
  '#d9c6a5',
  '#4a6fa5',
  '#a23b2a',
];
const backgrounds = ['#e9d8c8', '#cfe0e8', '#d9e4d0', '#ead3da', '#f1e4c3', '#d7dbee', '#cbe1dc', '#e4dccf'];

interface Look {
  skin: string;
  hair: string;
  hairStyle: 'short' | 'side' | 'long' | 'bun' | 'curly' | 'buzz' | 'bob';
  top: string;
  neckline: 'crew' | 'vneck' | 'collar' | 'jacket' | 'turtle';
  glasses: boolean;
  beard: boolean;
  faceWidth: number;
}

function pickLook(rng: Rng): Look {
  const skinIndex = rng.int(0, skins.length - 1);
  // Very light hair is rarer on the darkest skin tones; keep the combinations plausible.
  const hairPool = skinIndex > 4 ? hairColors.slice(0, 3).concat(['#9a9a9a']) : hairColors;
  const hairStyle = rng.pick(['short', 'side', 'long', 'bun', 'curly', 'buzz', 'bob'] as const);
  const longish = hairStyle === 'long' || hairStyle === 'bun' || hairStyle === 'bob';
  return {
    skin: skins[skinIndex] ?? '#e0aa80',
    hair: rng.pick(hairPool),
    hairStyle,
    top: rng.pick(clothes),
    neckline: rng.pick(['crew', 'vneck', 'collar', 'jacket', 'turtle'] as const),
    glasses: rng.chance(0.28),
    beard: !longish && rng.chance(0.25),
    faceWidth: rng.range(40, 46),
  };
}

export function portraitSvg(seed: number, size: number): string {
  const rng = new Rng(seed ^ 0x5eed);
  const look = pickLook(rng);
  const svg = new Svg(256, 256);
  const bg = rng.pick(backgrounds);
  svg.add(
    rect(
      0,
      0,
      256,
      256,
      svg.linear([
        [0, lighten(bg, 0.25)],
        [1, bg],
      ]),
    ),
  );
  svg.add(circle(128, 118, 96, lighten(bg, 0.35), { 'fill-opacity': 0.55 }));
  const figure =
    hairBack(look) +
    body(look) +
    neck(look) +
    head(look) +
    face(look, rng) +
    hairFront(look) +
    (look.glasses ? glasses(look) : '');
  // Drawn at a comfortable scale, then enlarged about the chin so the face fills the frame.
  svg.add(group(figure, { transform: 'translate(128 150) scale(1.14) translate(-128 -140)' }));
  return svg.render(size, size);
}

function body(look: Look): string {
  const shade = darken(look.top, 0.18);
  let out = path('M26,256C26,206 66,186 128,184C190,186 230,206 230,256Z', look.top);
  switch (look.neckline) {
    case 'vneck':
      out += path('M106,186L128,220L150,186Z', darken(look.skin, 0.08));
      break;
    case 'collar':
      out +=
        path('M104,186L128,206L118,224L98,194Z', lighten(look.top, 0.75)) +
        path('M152,186L128,206L138,224L158,194Z', lighten(look.top, 0.75));
      break;
    case 'jacket':
      out +=
        path('M108,186L128,236L148,186Z', '#f2efe8') +
        path('M96,190L128,250L112,256H84L74,204Z', shade) +
        path('M160,190L128,250L144,256H172L182,204Z', shade);
      break;
    case 'turtle':
      out += el('rect', { x: 104, y: 172, width: 48, height: 26, rx: 10, fill: shade });
      break;
    default:
      out += path('M106,186Q128,202 150,186', 'none', { stroke: shade, 'stroke-width': 4 });
  }
  return out;
}

function neck(look: Look): string {
  const tone = darken(look.skin, 0.06);
  if (look.neckline === 'turtle') return rect(110, 150, 36, 26, tone);
  return (
    path('M110,148V190Q128,200 146,190V148Z', tone) +
    path('M110,160Q128,176 146,160V150H110Z', darken(look.skin, 0.16))
  );
}

function head(look: Look): string {
  const w = look.faceWidth;
  const ear = darken(look.skin, 0.05);
  return (
    ellipse(128 - w - 2, 118, 8, 12, ear) +
    ellipse(128 + w + 2, 118, 8, 12, ear) +
    path(
      `M${128 - w},108C${128 - w},56 ${128 + w},56 ${128 + w},108C${128 + w},150 ${150},170 128,170C${106},170 ${128 - w},150 ${128 - w},108Z`,
      look.skin,
    )
  );
}

function face(look: Look, rng: Rng): string {
  const ink = mix(look.hair, '#2a1d18', 0.5);
  const eyeY = 112;
  const gap = 17;
  let out = ellipse(128 - gap, eyeY, 4.2, 5, '#2a1d18') + ellipse(128 + gap, eyeY, 4.2, 5, '#2a1d18');
  out +=
    circle(128 - gap + 1.4, eyeY - 1.6, 1.3, '#ffffff') + circle(128 + gap + 1.4, eyeY - 1.6, 1.3, '#ffffff');
  const brow = rng.range(-2, 2);
  out += path(
    `M${128 - gap - 9},${eyeY - 12 + brow}Q${128 - gap},${eyeY - 17} ${128 - gap + 9},${eyeY - 12}`,
    'none',
    { stroke: ink, 'stroke-width': 3.2, 'stroke-linecap': 'round' },
  );
  out += path(
    `M${128 + gap - 9},${eyeY - 12}Q${128 + gap},${eyeY - 17} ${128 + gap + 9},${eyeY - 12 + brow}`,
    'none',
    { stroke: ink, 'stroke-width': 3.2, 'stroke-linecap': 'round' },
  );
  out += path('M128,116Q122,132 126,135Q129,136 132,134', 'none', {
    stroke: darken(look.skin, 0.22),
    'stroke-width': 2.6,
    'stroke-linecap': 'round',
  });
  out +=
    circle(128 - 26, 132, 8, '#e0707a', { 'fill-opacity': 0.16 }) +
    circle(128 + 26, 132, 8, '#e0707a', { 'fill-opacity': 0.16 });
  if (look.beard) {
    const w = look.faceWidth;
    out += path(
      `M${128 - w + 1},120C${128 - w + 4},150 ${110},170 128,171C${146},170 ${128 + w - 4},150 ${128 + w - 1},120C${128 + w - 8},138 ${146},142 128,142C${110},142 ${128 - w + 8},138 ${128 - w + 1},120Z`,
      look.hair,
    );
  }
  const smile = rng.range(5, 9);
  out += path(`M${116},146Q128,${146 + smile} 140,146`, 'none', {
    stroke: look.beard ? lighten(look.hair, 0.5) : '#8a3b3b',
    'stroke-width': 3,
    'stroke-linecap': 'round',
  });
  return out;
}

/** Hair mass that sits behind the head and shoulders (long styles, curls, bob). */
function hairBack(look: Look): string {
  const w = look.faceWidth;
  switch (look.hairStyle) {
    case 'long':
      return path(
        `M${128 - w - 12},100C${128 - w - 16},40 ${128 + w + 16},40 ${128 + w + 12},100L${128 + w + 16},200Q128,214 ${128 - w - 16},200Z`,
        look.hair,
      );
    case 'bob':
      return path(
        `M${128 - w - 10},100C${128 - w - 14},42 ${128 + w + 14},42 ${128 + w + 10},100L${128 + w + 12},150Q128,160 ${128 - w - 12},150Z`,
        look.hair,
      );
    case 'curly': {
      let out = '';
      for (let i = 0; i < 11; i++) {
        const a = Math.PI * (0.95 + (i / 10) * 1.1);
        out += circle(128 + Math.cos(a) * (w + 8), 100 + Math.sin(a) * 52, 22, look.hair);
      }
      return out + ellipse(128, 88, w + 18, 48, look.hair);
    }
    case 'bun':
      return circle(128, 46, 22, look.hair);
    default:
      return '';
  }
}

/** Hair over the top of the head: cap shapes with a fringe or parting. */
function hairFront(look: Look): string {
  const w = look.faceWidth;
  const l = 128 - w - 2;
  const r = 128 + w + 2;
  switch (look.hairStyle) {
    case 'side':
      return path(
        `M${l},110C${l - 4},50 ${r + 4},46 ${r},104C${r - 6},88 ${r - 12},80 ${r - 22},76C${150},90 ${108},84 ${96},76C${l + 4},86 ${l + 2},98 ${l},110Z`,
        look.hair,
      );
    case 'buzz':
      return path(
        `M${l + 2},100C${l},56 ${r},56 ${r - 2},100C${r - 8},80 ${l + 8},80 ${l + 2},100Z`,
        look.hair,
        { 'fill-opacity': 0.85 },
      );
    case 'curly': {
      let out = '';
      for (let i = 0; i < 7; i++)
        out += circle(l + 10 + i * ((r - l - 20) / 6), 72 + Math.abs(i - 3) * 5, 15, look.hair);
      return out;
    }
    case 'long':
    case 'bob':
    case 'bun':
      return path(
        `M${l},112C${l - 4},46 ${r + 4},46 ${r},112C${r - 6},90 ${r - 16},80 128,76C${l + 16},80 ${l + 6},90 ${l},112Z`,
        look.hair,
      );
    default:
      return path(
        `M${l},106C${l - 4},48 ${r + 4},48 ${r},106C${r - 4},90 ${r - 10},82 ${r - 20},80Q128,90 ${l + 20},80C${l + 10},82 ${l + 4},90 ${l},106Z`,
        look.hair,
      );
  }
}

function glasses(look: Look): string {
  const frame = look.hair === '#d9d4cc' || look.hair === '#d6b27a' ? '#3a3a3a' : '#2a2a2a';
  const lens = { fill: '#ffffff', 'fill-opacity': 0.12, stroke: frame, 'stroke-width': 3 };
  return (
    el('rect', { x: 128 - 17 - 13, y: 102, width: 26, height: 20, rx: 7, ...lens }) +
    el('rect', { x: 128 + 17 - 13, y: 102, width: 26, height: 20, rx: 7, ...lens }) +
    path('M124,110Q128,106 132,110', 'none', { stroke: frame, 'stroke-width': 3 })
  );
}
