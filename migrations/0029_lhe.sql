CREATE TABLE "action_plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"assessment_id" uuid NOT NULL,
	"framework_id" text NOT NULL,
	"year" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"recommendation" text NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid,
	"owner_id" uuid,
	"due_date" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'belum' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "action_plan_tasks_status_check" CHECK ("action_plan_tasks"."status" in ('belum', 'berjalan', 'selesai', 'batal')),
	CONSTRAINT "action_plan_tasks_progress_check" CHECK ("action_plan_tasks"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "national_evaluation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"assessment_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"is_uploaded" boolean DEFAULT false NOT NULL,
	"is_interviewed" boolean DEFAULT false NOT NULL,
	"is_approved" boolean DEFAULT false NOT NULL,
	"catatan" text DEFAULT '' NOT NULL,
	"rekomendasi" text DEFAULT '' NOT NULL,
	"promised_evidence" text,
	"promised_due" date,
	"is_promise_delivered" boolean DEFAULT false NOT NULL,
	"assessor_value" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"assessment_id" uuid NOT NULL,
	"stage" text DEFAULT 'penilaian_dokumen' NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "national_evaluations_stage_check" CHECK ("national_evaluations"."stage" in ('penilaian_dokumen', 'interview', 'visitasi', 'hasil')),
	CONSTRAINT "national_evaluations_decree_check" CHECK (("national_evaluations"."decree_number" is null) = ("national_evaluations"."decree_date" is null))
);
--> statement-breakpoint
ALTER TABLE "action_plan_tasks" ADD CONSTRAINT "action_plan_tasks_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_tasks" ADD CONSTRAINT "action_plan_tasks_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_tasks" ADD CONSTRAINT "action_plan_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_tasks" ADD CONSTRAINT "action_plan_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_evaluation_items" ADD CONSTRAINT "national_evaluation_items_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_evaluations" ADD CONSTRAINT "national_evaluations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_evaluations" ADD CONSTRAINT "national_evaluations_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_tasks_region_idx" ON "action_plan_tasks" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "action_plan_tasks_assessment_idx" ON "action_plan_tasks" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "national_evaluation_items_uq" ON "national_evaluation_items" USING btree ("assessment_id","indicator_id");--> statement-breakpoint
CREATE INDEX "national_evaluation_items_region_idx" ON "national_evaluation_items" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "national_evaluations_assessment_uq" ON "national_evaluations" USING btree ("assessment_id");