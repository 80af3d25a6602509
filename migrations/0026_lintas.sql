ALTER TABLE "competitions" ALTER COLUMN "region_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "competitions" ADD COLUMN "scope" text DEFAULT 'region' NOT NULL;--> statement-breakpoint
ALTER TABLE "competitions" ADD COLUMN "participant_regions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "competitions_scope_idx" ON "competitions" USING btree ("scope","status");--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_scope_check" CHECK (("competitions"."scope" = 'region' and "competitions"."region_code" is not null) or ("competitions"."scope" = 'national' and "competitions"."region_code" is null));