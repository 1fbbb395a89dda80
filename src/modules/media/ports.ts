import type { CropBox } from './crops.ts';
import type { VariantFormat } from './media.ts';

/** Image work (probing, resizing, encoding) lives behind this port; sharp implements it in platform/. */
export interface ImageProcessor {
  probe(input: Buffer): Promise<{ format: string; width: number; height: number }>;
  resize(input: Buffer, width: number, format: VariantFormat): Promise<{ data: Buffer; height: number }>;
  /** Cuts `box` (in the original's pixels) out of the picture and scales it to exactly width × height, as JPEG. */
  crop(input: Buffer, box: CropBox, width: number, height: number): Promise<Buffer>;
  /** Renders an SVG drawing (our own markup, never an upload) to PNG. */
  rasterize(svg: Buffer): Promise<Buffer>;
}

/** Where files live. Keys are made by us (never by an uploader) and validated by the storage. */
export interface BlobStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
  /** An absolute path for streaming the file, when the storage is a local disk. */
  localPath(key: string): string;
}
