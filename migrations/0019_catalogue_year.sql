-- The public catalogue filters by year and searches by word in one index: each innovation keeps its
-- period's year (kept by the database, below) and the year is a lexeme of its search vector ('#2026',
-- a form no search text can produce). The name gets a vector of its own: a match in the name comes
-- first in the catalogue, and checking a short vector is cheap.
ALTER TABLE "innovations" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "year" integer;--> statement-breakpoint
UPDATE "innovations" SET "year" = "periods"."year" FROM "periods" WHERE "periods"."id" = "innovations"."period_id";--> statement-breakpoint
CREATE FUNCTION innovations_year_of_period() RETURNS trigger AS $$
BEGIN
  NEW.year := (SELECT p.year FROM periods p WHERE p.id = NEW.period_id);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER innovations_year BEFORE INSERT OR UPDATE OF period_id, year ON innovations
  FOR EACH ROW EXECUTE FUNCTION innovations_year_of_period();--> statement-breakpoint
CREATE FUNCTION periods_year_to_innovations() RETURNS trigger AS $$
BEGIN
  UPDATE innovations SET year = NEW.year WHERE period_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER periods_year AFTER UPDATE OF year ON periods
  FOR EACH ROW WHEN (OLD.year IS DISTINCT FROM NEW.year) EXECUTE FUNCTION periods_year_to_innovations();--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian', coalesce("innovations"."name", '')), 'A') || setweight(to_tsvector('indonesian', coalesce("innovations"."tujuan", '') || ' ' || coalesce("innovations"."manfaat", '') || ' ' || coalesce("innovations"."hasil", '')), 'B') || coalesce(('''#' || "innovations"."year"::text || '''')::tsvector, ''::tsvector)) STORED;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "name_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('indonesian', coalesce("innovations"."name", ''))) STORED;--> statement-breakpoint
CREATE INDEX "innovations_search_idx" ON "innovations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "innovations_published_idx" ON "innovations" USING btree ("verified_at" desc nulls last,"id") WHERE "innovations"."status" = 'terverifikasi';--> statement-breakpoint
CREATE INDEX "innovations_published_year_idx" ON "innovations" USING btree ("year","verified_at" desc nulls last,"id") WHERE "innovations"."status" = 'terverifikasi';
