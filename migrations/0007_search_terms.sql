CREATE TABLE "search_terms" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"stories" integer NOT NULL
);
--> statement-breakpoint
-- Statement-level triggers see every row a statement changed at once (transition tables), so a bulk
-- import costs one grouped update per statement, not one per story. Only rows whose published words
-- changed count: edits to drafts and changes that leave the words alone cost nothing. A word no published
-- story uses any longer keeps a count of 0.
CREATE FUNCTION "search_terms_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM search_terms;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO search_terms (lexeme, stories)
      SELECT t.lexeme, count(*)::int FROM new_rows n, unnest(n.search_vector) t
      WHERE n.status = 'published' GROUP BY t.lexeme
      ON CONFLICT (lexeme) DO UPDATE SET stories = search_terms.stories + excluded.stories;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE search_terms s SET stories = s.stories - gone.n
      FROM (SELECT t.lexeme, count(*)::int AS n FROM old_rows o, unnest(o.search_vector) t
        WHERE o.status = 'published' GROUP BY t.lexeme) gone
      WHERE s.lexeme = gone.lexeme;
  ELSE
    UPDATE search_terms s SET stories = s.stories - gone.n
      FROM (SELECT t.lexeme, count(*)::int AS n FROM old_rows o, unnest(o.search_vector) t
        WHERE o.status = 'published' AND NOT EXISTS (SELECT 1 FROM new_rows n
          WHERE n.id = o.id AND n.status = 'published' AND n.search_vector = o.search_vector)
        GROUP BY t.lexeme) gone
      WHERE s.lexeme = gone.lexeme;
    INSERT INTO search_terms (lexeme, stories)
      SELECT t.lexeme, count(*)::int FROM new_rows n, unnest(n.search_vector) t
      WHERE n.status = 'published' AND NOT EXISTS (SELECT 1 FROM old_rows o
        WHERE o.id = n.id AND o.status = 'published' AND o.search_vector = n.search_vector)
      GROUP BY t.lexeme
      ON CONFLICT (lexeme) DO UPDATE SET stories = search_terms.stories + excluded.stories;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "search_terms_insert" AFTER INSERT ON "articles" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_terms_count"();
--> statement-breakpoint
CREATE TRIGGER "search_terms_update" AFTER UPDATE ON "articles" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_terms_count"();
--> statement-breakpoint
CREATE TRIGGER "search_terms_delete" AFTER DELETE ON "articles" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_terms_count"();
--> statement-breakpoint
CREATE TRIGGER "search_terms_truncate" AFTER TRUNCATE ON "articles"
  FOR EACH STATEMENT EXECUTE FUNCTION "search_terms_count"();
--> statement-breakpoint
-- Stories already published: ts_stat counts each word's documents in one pass.
INSERT INTO "search_terms" ("lexeme", "stories")
  SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM articles WHERE status = ''published''');
