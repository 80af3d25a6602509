CREATE TABLE "iid_spd_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"value" text NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "iid_spd_figures" ADD CONSTRAINT "iid_spd_figures_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iid_spd_figures" ADD CONSTRAINT "iid_spd_figures_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iid_spd_figures" ADD CONSTRAINT "iid_spd_figures_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "iid_spd_figures_uq" ON "iid_spd_figures" USING btree ("period_id","indicator_id");