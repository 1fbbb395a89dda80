import { relations } from 'drizzle-orm';
import { articleBylines, articleCorrections, articles, articleTags } from './articles.ts';
import { authors } from './authors.ts';
import { media } from './media.ts';
import { sections } from './sections.ts';
import { tags } from './tags.ts';

/** Relations let one relational query fetch an article with its bylines, tags and media in one statement. */
export const articleRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  leadMedia: one(media, { fields: [articles.leadMediaId], references: [media.id] }),
  bylines: many(articleBylines),
  tags: many(articleTags),
  corrections: many(articleCorrections),
}));

export const bylineRelations = relations(articleBylines, ({ one }) => ({
  article: one(articles, { fields: [articleBylines.articleId], references: [articles.id] }),
  author: one(authors, { fields: [articleBylines.authorId], references: [authors.id] }),
}));

export const articleTagRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

export const correctionRelations = relations(articleCorrections, ({ one }) => ({
  article: one(articles, { fields: [articleCorrections.articleId], references: [articles.id] }),
}));

export const authorRelations = relations(authors, ({ one }) => ({
  portrait: one(media, { fields: [authors.portraitMediaId], references: [media.id] }),
}));
