CREATE TABLE "rpjmd_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"rpjmd_id" uuid NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rpjmd_entries_level_check" CHECK ("rpjmd_entries"."level" in ('misi', 'tujuan', 'sasaran', 'program'))
);
--> statement-breakpoint
CREATE TABLE "rpjmd_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"start_year" smallint NOT NULL,
	"end_year" smallint NOT NULL,
	"perda_number" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rpjmd_periods_years_check" CHECK ("rpjmd_periods"."start_year" <= "rpjmd_periods"."end_year")
);
--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "rpjmd_program_code" text;--> statement-breakpoint
ALTER TABLE "rpjmd_entries" ADD CONSTRAINT "rpjmd_entries_rpjmd_id_rpjmd_periods_id_fk" FOREIGN KEY ("rpjmd_id") REFERENCES "public"."rpjmd_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_entries" ADD CONSTRAINT "rpjmd_entries_parent_id_rpjmd_entries_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."rpjmd_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rpjmd_periods" ADD CONSTRAINT "rpjmd_periods_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rpjmd_entries_code_uq" ON "rpjmd_entries" USING btree ("rpjmd_id","code");--> statement-breakpoint
CREATE INDEX "rpjmd_entries_region_level_idx" ON "rpjmd_entries" USING btree ("region_code","level","code");--> statement-breakpoint
CREATE INDEX "rpjmd_entries_parent_idx" ON "rpjmd_entries" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rpjmd_periods_region_start_uq" ON "rpjmd_periods" USING btree ("region_code","start_year");