/** A picture as pages need it: enough to build srcset, width/height and the caption. */
export interface ImageRef {
  id: number;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  focalX: number;
  focalY: number;
}

export const variantFormats = ['avif', 'webp', 'jpeg'] as const;
export type VariantFormat = (typeof variantFormats)[number];

/** Widths we resize to; a picture never gets a variant wider than its original. */
export const variantWidths = [320, 480, 640, 960, 1280, 1600] as const;

export const fileExtension: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const mimeTypes: Record<VariantFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

export function widthsFor(originalWidth: number): number[] {
  const widths: number[] = variantWidths.filter((w) => w < originalWidth);
  const largest = Math.min(originalWidth, variantWidths[variantWidths.length - 1] ?? originalWidth);
  if (!widths.includes(largest)) widths.push(largest);
  return widths;
}

/** Public URL of one variant. Ids and widths are numbers and formats an allow-list, so no path tricks. */
export function variantUrl(mediaId: number, width: number, format: VariantFormat): string {
  return `/media/${mediaId}/${width}.${fileExtension[format]}`;
}

export function parseVariantFile(file: string): { width: number; format: VariantFormat } | null {
  const match = /^(\d{2,4})\.(avif|webp|jpg)$/.exec(file);
  if (!match) return null;
  const width = Number(match[1]);
  const format = match[2] === 'jpg' ? 'jpeg' : (match[2] as VariantFormat);
  return { width, format };
}

/** Height that keeps the original's proportions at a given width. */
export function scaledHeight(image: { width: number; height: number }, width: number): number {
  return Math.round((image.height * width) / image.width);
}
