CREATE TABLE "competition_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"competition_id" uuid NOT NULL,
	"innovation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"category" text NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"video_url" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"screening_reason" text,
	"screened_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reached_stage" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_entries_status_check" CHECK ("competition_entries"."status" in ('draft', 'diajukan', 'lolos', 'tidak_lolos'))
);
--> statement-breakpoint
CREATE TABLE "competition_judges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"competition_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"conflict_entry_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conflict_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conflict_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"stage_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"category" text NOT NULL,
	"score" numeric(7, 2) NOT NULL,
	"rank" integer NOT NULL,
	"tied" boolean DEFAULT false NOT NULL,
	"judge_count" integer DEFAULT 0 NOT NULL,
	"per_criterion" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"advanced" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"stage_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reopen_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_sheets_status_check" CHECK ("competition_sheets"."status" in ('draft', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "competition_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"competition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"rubric_code" text,
	"judges_per_entry" integer DEFAULT 3 NOT NULL,
	"advance_kind" text DEFAULT 'none' NOT NULL,
	"advance_n" integer,
	"passing_score" numeric(7, 2),
	"weight" numeric(7, 2) DEFAULT '0' NOT NULL,
	"normalise" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'menunggu' NOT NULL,
	"outliers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"locked_at" timestamp with time zone,
	"advanced_at" timestamp with time zone,
	CONSTRAINT "competition_stages_code_check" CHECK ("competition_stages"."code" in ('pendaftaran', 'seleksi_administrasi', 'penilaian_proposal', 'presentasi', 'verifikasi_lapangan', 'penetapan')),
	CONSTRAINT "competition_stages_status_check" CHECK ("competition_stages"."status" in ('menunggu', 'berjalan', 'dikunci')),
	CONSTRAINT "competition_stages_advance_check" CHECK ("competition_stages"."advance_kind" in ('none', 'top', 'passing')),
	CONSTRAINT "competition_stages_dates_check" CHECK ("competition_stages"."ends_on" >= "competition_stages"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"categories" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitions_status_check" CHECK ("competitions"."status" in ('draft', 'berjalan', 'ditetapkan', 'diumumkan')),
	CONSTRAINT "competitions_kind_check" CHECK ("competitions"."kind" in ('lomba_inovasi_daerah', 'kipp_preselection', 'iga_nominee', 'lainnya'))
);
--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judges" ADD CONSTRAINT "competition_judges_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judges" ADD CONSTRAINT "competition_judges_stage_id_competition_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."competition_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judges" ADD CONSTRAINT "competition_judges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_results" ADD CONSTRAINT "competition_results_stage_id_competition_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."competition_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_results" ADD CONSTRAINT "competition_results_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_sheets" ADD CONSTRAINT "competition_sheets_stage_id_competition_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."competition_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_sheets" ADD CONSTRAINT "competition_sheets_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_sheets" ADD CONSTRAINT "competition_sheets_judge_user_id_users_id_fk" FOREIGN KEY ("judge_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_stages" ADD CONSTRAINT "competition_stages_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_entries_innovation_uq" ON "competition_entries" USING btree ("competition_id","innovation_id");--> statement-breakpoint
CREATE INDEX "competition_entries_competition_idx" ON "competition_entries" USING btree ("competition_id","category");--> statement-breakpoint
CREATE INDEX "competition_entries_unit_idx" ON "competition_entries" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_judges_stage_user_uq" ON "competition_judges" USING btree ("stage_id","user_id");--> statement-breakpoint
CREATE INDEX "competition_judges_user_idx" ON "competition_judges" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_results_uq" ON "competition_results" USING btree ("stage_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_sheets_uq" ON "competition_sheets" USING btree ("stage_id","entry_id","judge_user_id");--> statement-breakpoint
CREATE INDEX "competition_sheets_judge_idx" ON "competition_sheets" USING btree ("judge_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_stages_code_uq" ON "competition_stages" USING btree ("competition_id","code");--> statement-breakpoint
CREATE INDEX "competitions_region_year_idx" ON "competitions" USING btree ("region_code","year");