import type { DemoArticle } from '../types.ts';
import { businessArticles } from './articles-business.ts';
import { cultureArticles } from './articles-culture.ts';
import { politicsArticles } from './articles-politics.ts';
import { scienceArticles } from './articles-science.ts';
import { sportArticles } from './articles-sport.ts';
import { technologyArticles } from './articles-technology.ts';
import { worldArticles } from './articles-world.ts';
import { liveBlogArticles } from './liveblog.ts';

export { demoAuthors } from './authors.ts';
export { demoSections } from './sections.ts';

/** All demo articles, grouped by section in the order of demoSections. */
export const demoArticles: DemoArticle[] = [
  ...politicsArticles,
  ...worldArticles,
  ...businessArticles,
  ...technologyArticles,
  ...scienceArticles,
  ...cultureArticles,
  ...sportArticles,
  // Last, so the positions of the other demo stories stay as they were.
  ...liveBlogArticles,
];
