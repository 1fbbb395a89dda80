export * from './entry.ts';
export type { LiveBlogListener } from './events.ts';
export { LiveBlogsRepository } from './liveblogs.repository.ts';
export { type CardSource, LiveBlogsService, type PostInput, type RunningBlog } from './liveblogs.service.ts';
export { blocksToText, textToBlocks } from './text.ts';
