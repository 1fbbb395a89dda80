import { notFound } from '../../shared/errors.ts';
import { slugPattern } from '../../shared/slug.ts';
import type { Author, NewAuthor } from './author.ts';
import type { AuthorsRepository } from './authors.repository.ts';

export class AuthorsService {
  constructor(private readonly repo: AuthorsRepository) {}

  async getBySlug(slug: string): Promise<Author> {
    const author = slugPattern.test(slug) ? await this.repo.findBySlug(slug) : undefined;
    if (!author) throw notFound('The author');
    return author;
  }

  list(): Promise<Author[]> {
    return this.repo.list();
  }

  ensure(author: NewAuthor): Promise<Author> {
    return this.repo.ensure(author);
  }
}
