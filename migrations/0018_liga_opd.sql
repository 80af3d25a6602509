CREATE TABLE "league_weights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint,
	"innovations_weight" smallint NOT NULL,
	"innovations_enabled" boolean DEFAULT true NOT NULL,
	"ikm_weight" smallint NOT NULL,
	"ikm_enabled" boolean DEFAULT true NOT NULL,
	"assessments_weight" smallint NOT NULL,
	"assessments_enabled" boolean DEFAULT true NOT NULL,
	"complaints_weight" smallint NOT NULL,
	"complaints_enabled" boolean DEFAULT true NOT NULL,
	"programmes_weight" smallint NOT NULL,
	"programmes_enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "league_weights_range_check" CHECK (least("league_weights"."innovations_weight", "league_weights"."ikm_weight", "league_weights"."assessments_weight", "league_weights"."complaints_weight", "league_weights"."programmes_weight") >= 0 and greatest("league_weights"."innovations_weight", "league_weights"."ikm_weight", "league_weights"."assessments_weight", "league_weights"."complaints_weight", "league_weights"."programmes_weight") <= 100)
);
--> statement-breakpoint
ALTER TABLE "league_weights" ADD CONSTRAINT "league_weights_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "league_weights_region_year_uq" ON "league_weights" USING btree ("region_code",coalesce("year", 0));