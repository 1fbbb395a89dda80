import { createHash } from 'node:crypto';
import { notFound } from '../../shared/errors.ts';
import { type CropKind, cropBox, cropSize, cropStorageKey, cropUrl } from './crops.ts';
import type { MediaRepository } from './media.repository.ts';
import type { BlobStorage, ImageProcessor } from './ports.ts';

/**
 * Derived pictures that are not responsive variants: focal-point crops (see crops.ts) and PNGs rendered
 * from SVG (the publisher logo). Each crop is made once, on first request, even under concurrent requests.
 */
export class CropService {
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly rendered = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly repo: MediaRepository,
    private readonly storage: BlobStorage,
    private readonly images: ImageProcessor,
  ) {}

  /** Storage key of a crop, making it on first request; a size other than the crop's one is a 404. */
  async cropKey(mediaId: number, kind: CropKind, width: number): Promise<string> {
    const key = cropStorageKey(mediaId, kind, width);
    if (await this.storage.exists(key)) return key;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const work = this.makeCrop(mediaId, kind, width, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  /** A crop made ahead of use, with its size in bytes (RSS enclosures must state it). */
  async ensureCrop(
    image: { id: number; width: number; height: number; focalX: number; focalY: number },
    kind: CropKind,
  ): Promise<{ url: string; width: number; height: number; bytes: number }> {
    const size = cropSize(image, kind);
    const key = await this.cropKey(image.id, kind, size.width);
    const bytes = (await this.storage.get(key)).length;
    return { url: cropUrl(image.id, kind, size.width), ...size, bytes };
  }

  localPath(key: string): string {
    return this.storage.localPath(key);
  }

  /** A PNG of an SVG drawing (kept in memory: it is small and drawn from our own markup only). */
  svgToPng(svg: string): Promise<Buffer> {
    const hash = createHash('sha256').update(svg).digest('hex');
    let png = this.rendered.get(hash);
    if (!png) {
      png = this.images.rasterize(Buffer.from(svg)).catch((error: unknown) => {
        this.rendered.delete(hash);
        throw error;
      });
      this.rendered.set(hash, png);
    }
    return png;
  }

  private async makeCrop(mediaId: number, kind: CropKind, width: number, key: string): Promise<string> {
    const original = await this.repo.findById(mediaId);
    if (!original) throw notFound('The picture');
    const size = cropSize(original, kind);
    if (size.width !== width) throw notFound('The picture');
    const source = await this.storage.get(original.storageKey);
    const data = await this.images.crop(source, cropBox(original, kind), size.width, size.height);
    await this.storage.put(key, data);
    return key;
  }
}
