CREATE TABLE "article_audio" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"text_hash" text NOT NULL,
	"engine" text NOT NULL,
	"voice" text NOT NULL,
	"storage_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"sentence_starts" jsonb NOT NULL,
	"word_count" integer NOT NULL,
	"synthesis_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_audio" ADD CONSTRAINT "article_audio_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;