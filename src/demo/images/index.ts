import sharp from 'sharp';

export { portraitSvg } from './portrait.ts';
export { sceneSvg } from './scenes.ts';

/** Rasterise an SVG document (from sceneSvg or portraitSvg) to a web-ready JPEG. */
export async function renderJpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 86 }).toBuffer();
}
