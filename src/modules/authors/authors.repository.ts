import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { authors } from '../../db/schema/index.ts';
import type { Author, NewAuthor } from './author.ts';

const columns = {
  id: authors.id,
  slug: authors.slug,
  name: authors.name,
  jobTitle: authors.jobTitle,
  bio: authors.bio,
  portraitMediaId: authors.portraitMediaId,
};

export class AuthorsRepository {
  constructor(private readonly db: Database) {}

  async findBySlug(slug: string): Promise<Author | undefined> {
    const [row] = await this.db.select(columns).from(authors).where(eq(authors.slug, slug)).limit(1);
    return row;
  }

  list(): Promise<Author[]> {
    return this.db.select(columns).from(authors).orderBy(asc(authors.name));
  }

  /** Inserts or, for an existing slug, leaves the author as editors last saved it. */
  async ensure(author: NewAuthor): Promise<Author> {
    await this.db.insert(authors).values(author).onConflictDoNothing({ target: authors.slug });
    const row = await this.findBySlug(author.slug);
    if (!row) throw new Error(`author ${author.slug} vanished after insert`);
    return row;
  }
}
