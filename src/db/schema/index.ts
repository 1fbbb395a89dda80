export * from './articles.ts';
export * from './authors.ts';
export * from './media.ts';
export * from './relations.ts';
export * from './sections.ts';
export * from './tags.ts';
export * from './jobs.ts';
export * from './users.ts';
