export type { Author, NewAuthor } from './author.ts';
export { AuthorsRepository } from './authors.repository.ts';
export { AuthorsService } from './authors.service.ts';
