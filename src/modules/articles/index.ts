export * from './article.ts';
export { ArticlesRepository, type NewArticle, TaxonomyRepository } from './articles.repository.ts';
export {
  type ArticlePageData,
  ArticlesService,
  type HomeData,
  type ListingSubject,
  listPageSize,
} from './articles.service.ts';
export * from './blocks.ts';
export * from './labels.ts';
export { type ArticleEvent, type ArticleEventListener, ArticleEvents } from './events.ts';
