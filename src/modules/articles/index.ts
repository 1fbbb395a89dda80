export * from './article.ts';
export { ArticlesRepository, type NewArticle, TaxonomyRepository } from './articles.repository.ts';
export {
  type ArticleListing,
  type ArticlePageData,
  ArticlesService,
  type ContentScope,
  type HomeData,
  type ListingRedirect,
  type ListingSubject,
  type ListPosition,
  listPageSize,
  numberedPages,
} from './articles.service.ts';
export * from './blocks.ts';
export { EditorialRepository, type EditRecord } from './editorial.repository.ts';
export { EditorialService, editorMediaItem, publishJob } from './editorial.service.ts';
export * from './editorial.ts';
export { type ArticleEvent, type ArticleEventListener, ArticleEvents } from './events.ts';
export * from './labels.ts';
