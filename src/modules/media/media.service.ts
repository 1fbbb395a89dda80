import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError, notFound } from '../../shared/errors.ts';
import { Signal } from '../../shared/signal.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Actor, UsersService } from '../users/index.ts';
import type { MediaRepository } from './media.repository.ts';
import { fileExtension, type ImageRef, type VariantFormat, variantFormats, widthsFor } from './media.ts';
import type { BlobStorage, ImageProcessor } from './ports.ts';

const acceptedFormats: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heif: 'image/avif',
  gif: 'image/gif',
};

export interface ImageMetadata {
  alt: string;
  caption?: string;
  credit?: string;
  focalX?: number;
  focalY?: number;
}

export const variantsJob = 'media.variants';

const metadataSchema = z.object({
  alt: z.string().trim().max(500).optional(),
  caption: z.string().trim().max(1000).optional(),
  credit: z.string().trim().max(200).optional(),
  focalX: z.number().min(0).max(1).optional(),
  focalY: z.number().min(0).max(1).optional(),
});

export interface NewsroomDeps {
  users: UsersService;
  jobs: JobQueue;
}

export class MediaService {
  /** Variants being made right now, so concurrent requests for one file encode it once. */
  private readonly inFlight = new Map<string, Promise<string>>();
  /** A picture's alt text, caption, credit or focal point changed (its id), after commit. */
  readonly metadataChanged = new Signal<number>();

  constructor(
    private readonly repo: MediaRepository,
    private readonly storage: BlobStorage,
    private readonly images: ImageProcessor,
    private readonly nr: NewsroomDeps,
  ) {}

  /** An upload from the newsroom: stored at once, variants made by a background job. */
  async upload(actor: Actor, data: Buffer, meta: ImageMetadata): Promise<ImageRef> {
    this.nr.users.authorize(actor, 'media.upload');
    const parsed = metadataSchema.safeParse(meta);
    if (!parsed.success)
      throw new DomainError(
        'validation_failed',
        parsed.error.issues[0]?.message ?? 'Invalid picture details.',
      );
    const image = await this.importImage(data, { alt: parsed.data.alt ?? '', ...parsed.data });
    await this.nr.jobs.enqueue(variantsJob, { mediaId: image.id }, { dedupeKey: `variants:${image.id}` });
    await this.nr.users.audit(actor, 'media.upload', null, `media ${image.id}`);
    return image;
  }

  async library(actor: Actor, q: string, page: number, pageSize = 24) {
    this.nr.users.authorize(actor, 'media.upload');
    const safePage = Number.isSafeInteger(page) && page >= 1 ? page : 1;
    const { items, total } = await this.repo.search(q.trim(), pageSize, (safePage - 1) * pageSize);
    return { items, page: safePage, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
  }

  async updateMetadata(actor: Actor, id: number, changes: unknown): Promise<ImageRef> {
    this.nr.users.authorize(actor, 'media.edit');
    const parsed = metadataSchema.safeParse(changes);
    if (!parsed.success)
      throw new DomainError(
        'validation_failed',
        parsed.error.issues[0]?.message ?? 'Invalid picture details.',
      );
    if (!(await this.repo.findById(id))) throw notFound('The picture');
    await this.repo.update(id, parsed.data);
    const [updated] = await this.repo.images([id]);
    if (!updated) throw notFound('The picture');
    this.metadataChanged.emit(id);
    return updated;
  }

  /** Stores an original picture. The type comes from the bytes, never from a file name. */
  async importImage(data: Buffer, meta: ImageMetadata): Promise<ImageRef> {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const existing = await this.repo.findBySha(sha256);
    if (existing) return existing;
    const probed = await this.images.probe(data).catch(() => null);
    const mimeType = probed ? acceptedFormats[probed.format] : undefined;
    if (!probed || !mimeType) {
      throw new DomainError('unsupported_media', 'The file is not a JPEG, PNG, WebP, AVIF or GIF picture.');
    }
    const storageKey = `originals/${sha256.slice(0, 2)}/${sha256}.${probed.format}`;
    await this.storage.put(storageKey, data);
    return this.repo.insert({
      storageKey,
      mimeType,
      bytes: data.length,
      width: probed.width,
      height: probed.height,
      sha256,
      alt: meta.alt,
      caption: meta.caption ?? '',
      credit: meta.credit ?? '',
      focalX: meta.focalX ?? 0.5,
      focalY: meta.focalY ?? 0.5,
    });
  }

  async imagesById(ids: readonly number[]): Promise<Map<number, ImageRef>> {
    const rows = await this.repo.images(ids);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Returns the storage key of a resized variant, making it on first request. Only widths and formats
   * from the variant rules exist, so a request cannot make the server encode arbitrary sizes.
   */
  async variantKey(mediaId: number, width: number, format: VariantFormat): Promise<string> {
    const key = `variants/${mediaId}/${width}.${fileExtension[format]}`;
    if (await this.storage.exists(key)) return key;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const work = this.makeVariant(mediaId, width, format, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  /** Makes every variant of a picture ahead of readers (run after import, in the background). */
  async makeAllVariants(mediaId: number): Promise<void> {
    const original = await this.repo.findById(mediaId);
    if (!original) return;
    for (const width of widthsFor(original.width)) {
      for (const format of variantFormats) await this.variantKey(mediaId, width, format);
    }
  }

  localPath(key: string): string {
    return this.storage.localPath(key);
  }

  private async makeVariant(mediaId: number, width: number, format: VariantFormat, key: string) {
    const original = await this.repo.findById(mediaId);
    if (!original || !widthsFor(original.width).includes(width)) throw notFound('The picture');
    const source = await this.storage.get(original.storageKey);
    const resized = await this.images.resize(source, width, format);
    await this.storage.put(key, resized.data);
    await this.repo.recordVariant({
      mediaId,
      width,
      format,
      height: resized.height,
      bytes: resized.data.length,
    });
    return key;
  }
}
