import type { Sharp, SharpInput } from 'sharp';
import type { ImageProcessor } from '../../modules/media/ports.ts';

let library: Promise<(input: SharpInput) => Sharp> | undefined;

/**
 * sharp, loaded at the first picture rather than at start-up: libvips costs about 30 MB of resident
 * memory once loaded, and a server whose pictures are all made already never needs it.
 */
async function sharp(input: SharpInput): Promise<Sharp> {
  library ??= import('sharp').then((module) => module.default);
  return (await library)(input);
}

/** sharp behind the media module's port. Settings favour small files at news-photo quality. */
export const sharpImages: ImageProcessor = {
  async probe(input) {
    const meta = await (await sharp(input)).metadata();
    if (!meta.format || !meta.width || !meta.height) throw new Error('not an image');
    return { format: meta.format, width: meta.width, height: meta.height };
  },
  async resize(input, width, format) {
    const pipeline = (await sharp(input)).rotate().resize({ width, withoutEnlargement: true });
    const encoded =
      format === 'avif'
        ? pipeline.avif({ quality: 50, effort: 2 })
        : format === 'webp'
          ? pipeline.webp({ quality: 72 })
          : pipeline.jpeg({ quality: 78, mozjpeg: true, progressive: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, height: info.height };
  },
  async crop(input, box, width, height) {
    return (await sharp(input))
      .extract(box)
      .resize({ width, height, fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true, progressive: true })
      .toBuffer();
  },
  async rasterize(svg) {
    return (await sharp(svg)).png({ compressionLevel: 9 }).toBuffer();
  },
};
