export {
  type BannerEventData,
  type BannerField,
  type BannerInput,
  type BannerRecord,
  type BannerView,
  bannerEventType,
  maxExpiryMs,
  maxTextLength,
} from './banner.ts';
export { BreakingRepository } from './breaking.repository.ts';
export {
  type BreakingChange,
  type BreakingListener,
  type BreakingOptions,
  BreakingService,
  expireJob,
} from './breaking.service.ts';
