CREATE TABLE "smartcity_dimensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"masterplan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" smallint NOT NULL,
	"baseline_text" text DEFAULT '' NOT NULL,
	"baseline_figure" numeric(20, 4),
	"baseline_unit" text
);
--> statement-breakpoint
CREATE TABLE "smartcity_elements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"dimension_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smartcity_funding" (
	"programme_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"source" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	CONSTRAINT "smartcity_funding_programme_id_year_source_pk" PRIMARY KEY("programme_id","year","source"),
	CONSTRAINT "smartcity_funding_source_check" CHECK ("smartcity_funding"."source" in ('apbd', 'apbn', 'csr', 'kpbu', 'hibah')),
	CONSTRAINT "smartcity_funding_amount_check" CHECK ("smartcity_funding"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "smartcity_masterplans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"start_year" smallint NOT NULL,
	"end_year" smallint NOT NULL,
	"rpjmd_period" text,
	"perkada_number" text,
	"perkada_date" date,
	"vision" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smartcity_masterplans_years_check" CHECK ("smartcity_masterplans"."start_year" <= "smartcity_masterplans"."end_year")
);
--> statement-breakpoint
CREATE TABLE "smartcity_output_targets" (
	"output_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"target" numeric(20, 4) NOT NULL,
	CONSTRAINT "smartcity_output_targets_output_id_year_pk" PRIMARY KEY("output_id","year")
);
--> statement-breakpoint
CREATE TABLE "smartcity_outputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kpi_name" text NOT NULL,
	"unit_of_measure" text NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smartcity_programme_innovations" (
	"programme_id" uuid NOT NULL,
	"innovation_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "smartcity_programme_innovations_programme_id_innovation_id_pk" PRIMARY KEY("programme_id","innovation_id")
);
--> statement-breakpoint
CREATE TABLE "smartcity_programme_units" (
	"programme_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "smartcity_programme_units_programme_id_unit_id_pk" PRIMARY KEY("programme_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "smartcity_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"masterplan_id" uuid NOT NULL,
	"element_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"stage" text,
	"lead_unit_id" uuid NOT NULL,
	"rpjmd_program_code" text,
	"start_year" smallint NOT NULL,
	"start_quarter" smallint NOT NULL,
	"end_year" smallint NOT NULL,
	"end_quarter" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smartcity_programmes_kind_check" CHECK ("smartcity_programmes"."kind" in ('quick_win', 'jangka_pendek', 'jangka_menengah', 'jangka_panjang')),
	CONSTRAINT "smartcity_programmes_quarters_check" CHECK ("smartcity_programmes"."start_quarter" between 1 and 4 and "smartcity_programmes"."end_quarter" between 1 and 4),
	CONSTRAINT "smartcity_programmes_span_check" CHECK ("smartcity_programmes"."start_year" * 4 + "smartcity_programmes"."start_quarter" <= "smartcity_programmes"."end_year" * 4 + "smartcity_programmes"."end_quarter")
);
--> statement-breakpoint
CREATE TABLE "smartcity_progress_figures" (
	"report_id" uuid NOT NULL,
	"output_id" uuid NOT NULL,
	"realised" numeric(20, 4) NOT NULL,
	CONSTRAINT "smartcity_progress_figures_report_id_output_id_pk" PRIMARY KEY("report_id","output_id")
);
--> statement-breakpoint
CREATE TABLE "smartcity_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"status" text NOT NULL,
	"obstacle" text,
	"note" text DEFAULT '' NOT NULL,
	"budget_realised" numeric(18, 2) DEFAULT '0' NOT NULL,
	"reported_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smartcity_progress_status_check" CHECK ("smartcity_progress_reports"."status" in ('berjalan', 'selesai', 'terhambat')),
	CONSTRAINT "smartcity_progress_quarter_check" CHECK ("smartcity_progress_reports"."quarter" between 1 and 4),
	CONSTRAINT "smartcity_progress_obstacle_check" CHECK ("smartcity_progress_reports"."status" <> 'terhambat' or coalesce("smartcity_progress_reports"."obstacle", '') <> ''),
	CONSTRAINT "smartcity_progress_budget_check" CHECK ("smartcity_progress_reports"."budget_realised" >= 0)
);
--> statement-breakpoint
ALTER TABLE "smartcity_dimensions" ADD CONSTRAINT "smartcity_dimensions_masterplan_id_smartcity_masterplans_id_fk" FOREIGN KEY ("masterplan_id") REFERENCES "public"."smartcity_masterplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_elements" ADD CONSTRAINT "smartcity_elements_dimension_id_smartcity_dimensions_id_fk" FOREIGN KEY ("dimension_id") REFERENCES "public"."smartcity_dimensions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_funding" ADD CONSTRAINT "smartcity_funding_programme_id_smartcity_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."smartcity_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_masterplans" ADD CONSTRAINT "smartcity_masterplans_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_output_targets" ADD CONSTRAINT "smartcity_output_targets_output_id_smartcity_outputs_id_fk" FOREIGN KEY ("output_id") REFERENCES "public"."smartcity_outputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_outputs" ADD CONSTRAINT "smartcity_outputs_programme_id_smartcity_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."smartcity_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_programme_innovations" ADD CONSTRAINT "smartcity_programme_innovations_programme_id_smartcity_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."smartcity_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_programme_innovations" ADD CONSTRAINT "smartcity_programme_innovations_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_programme_units" ADD CONSTRAINT "smartcity_programme_units_programme_id_smartcity_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."smartcity_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_programme_units" ADD CONSTRAINT "smartcity_programme_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_programmes" ADD CONSTRAINT "smartcity_programmes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_programmes" ADD CONSTRAINT "smartcity_programmes_masterplan_id_smartcity_masterplans_id_fk" FOREIGN KEY ("masterplan_id") REFERENCES "public"."smartcity_masterplans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_programmes" ADD CONSTRAINT "smartcity_programmes_element_id_smartcity_elements_id_fk" FOREIGN KEY ("element_id") REFERENCES "public"."smartcity_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_programmes" ADD CONSTRAINT "smartcity_programmes_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_progress_figures" ADD CONSTRAINT "smartcity_progress_figures_report_id_smartcity_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."smartcity_progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_progress_figures" ADD CONSTRAINT "smartcity_progress_figures_output_id_smartcity_outputs_id_fk" FOREIGN KEY ("output_id") REFERENCES "public"."smartcity_outputs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_progress_reports" ADD CONSTRAINT "smartcity_progress_reports_programme_id_smartcity_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."smartcity_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smartcity_progress_reports" ADD CONSTRAINT "smartcity_progress_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "smartcity_dimensions_code_uq" ON "smartcity_dimensions" USING btree ("masterplan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "smartcity_elements_code_uq" ON "smartcity_elements" USING btree ("dimension_id","code");--> statement-breakpoint
CREATE INDEX "smartcity_masterplans_region_idx" ON "smartcity_masterplans" USING btree ("region_code","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "smartcity_masterplans_one_active_uq" ON "smartcity_masterplans" USING btree ("region_code") WHERE "smartcity_masterplans"."is_active";--> statement-breakpoint
CREATE INDEX "smartcity_outputs_programme_idx" ON "smartcity_outputs" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "smartcity_programme_innovations_innovation_idx" ON "smartcity_programme_innovations" USING btree ("innovation_id");--> statement-breakpoint
CREATE INDEX "smartcity_programmes_masterplan_idx" ON "smartcity_programmes" USING btree ("masterplan_id");--> statement-breakpoint
CREATE INDEX "smartcity_programmes_region_idx" ON "smartcity_programmes" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "smartcity_programmes_lead_idx" ON "smartcity_programmes" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "smartcity_programmes_name_uq" ON "smartcity_programmes" USING btree ("masterplan_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "smartcity_progress_quarter_uq" ON "smartcity_progress_reports" USING btree ("programme_id","year","quarter");