/**
 * Fixed-ratio crops around a picture's focal point, for search engines and social cards: 16:9, 4:3 and 1:1
 * (Google's Article images) and 1200×630 ("share", Open Graph and X cards). Each crop exists in exactly one
 * size, at most 1200 px wide and never enlarged, so a URL can name only a file we would make.
 */
export const cropKinds = ['16x9', '4x3', '1x1', 'share'] as const;
export type CropKind = (typeof cropKinds)[number];

const ratios: Record<CropKind, number> = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1, share: 1200 / 630 };
export const cropMaxWidth = 1200;

export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CropSize {
  width: number;
  height: number;
}

type Picture = { width: number; height: number; focalX: number; focalY: number };

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The largest box of the crop's ratio inside the picture, centred on the focal point as far as it can be. */
export function cropBox(image: Picture, kind: CropKind): CropBox {
  const ratio = ratios[kind];
  let width = image.width;
  let height = Math.round(width / ratio);
  if (height > image.height) {
    height = image.height;
    width = Math.min(image.width, Math.round(height * ratio));
  }
  const fx = clamp(Number.isFinite(image.focalX) ? image.focalX : 0.5, 0, 1);
  const fy = clamp(Number.isFinite(image.focalY) ? image.focalY : 0.5, 0, 1);
  const left = clamp(Math.round(fx * image.width - width / 2), 0, image.width - width);
  const top = clamp(Math.round(fy * image.height - height / 2), 0, image.height - height);
  return { left, top, width, height };
}

/** The one size each crop is made in: 1200 px wide, or the crop box's width if the picture is smaller. */
export function cropSize(image: Picture, kind: CropKind): CropSize {
  const box = cropBox(image, kind);
  const width = Math.min(cropMaxWidth, box.width);
  // Share cards are always exactly 1200×630 when the picture allows, whatever rounding the box needed.
  const height = kind === 'share' && width === cropMaxWidth ? 630 : Math.round(width / ratios[kind]);
  return { width, height };
}

export function cropUrl(mediaId: number, kind: CropKind, width: number): string {
  return `/media/${mediaId}/crop-${kind}-${width}.jpg`;
}

/** A crop with its public URL and size, for structured data and social cards. */
export function crop(image: Picture & { id: number }, kind: CropKind): CropSize & { url: string } {
  const size = cropSize(image, kind);
  return { ...size, url: cropUrl(image.id, kind, size.width) };
}

/** Parses the file part of a crop URL ("crop-16x9-1200.jpg"); anything else is null. */
export function parseCropFile(file: string): { kind: CropKind; width: number } | null {
  const match = /^crop-(16x9|4x3|1x1|share)-(\d{1,4})\.jpg$/.exec(file);
  if (!match) return null;
  const width = Number(match[2]);
  if (width < 1 || width > cropMaxWidth) return null;
  return { kind: match[1] as CropKind, width };
}

export function cropStorageKey(mediaId: number, kind: CropKind, width: number): string {
  return `variants/${mediaId}/crop-${kind}-${width}.jpg`;
}
