export { CropService } from './crop.service.ts';
export * from './crops.ts';
export { imageColumns, MediaRepository } from './media.repository.ts';
export { type ImageMetadata, MediaService, variantsJob } from './media.service.ts';
export * from './media.ts';
export type { BlobStorage, ImageProcessor } from './ports.ts';
