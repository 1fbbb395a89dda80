CREATE TABLE "article_views_hourly" (
	"article_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "article_views_hourly_article_id_hour_pk" PRIMARY KEY("article_id","hour")
);
--> statement-breakpoint
CREATE TABLE "related_overrides" (
	"article_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "related_overrides_article_id_target_id_pk" PRIMARY KEY("article_id","target_id"),
	CONSTRAINT "related_overrides_not_self" CHECK ("related_overrides"."article_id" <> "related_overrides"."target_id")
);
--> statement-breakpoint
ALTER TABLE "article_views_hourly" ADD CONSTRAINT "article_views_hourly_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "related_overrides" ADD CONSTRAINT "related_overrides_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "related_overrides" ADD CONSTRAINT "related_overrides_target_id_articles_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_views_hourly_hour_idx" ON "article_views_hourly" USING btree ("hour","article_id");--> statement-breakpoint
CREATE INDEX "related_overrides_target_idx" ON "related_overrides" USING btree ("target_id");