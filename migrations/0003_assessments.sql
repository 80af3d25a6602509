CREATE TABLE "assessment_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text,
	"mime_type" text,
	"size_bytes" integer,
	"sha256" text,
	"storage_key" text,
	"url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_evidence_kind_check" CHECK ("assessment_evidence"."kind" in ('file', 'link'))
);
--> statement-breakpoint
CREATE TABLE "assessment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"indicator_id" text NOT NULL,
	"unit_id" uuid,
	"deadline" date,
	"claimed_value" text,
	"explanation" text DEFAULT '' NOT NULL,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"verification" text DEFAULT 'pending' NOT NULL,
	"verified_value" text,
	"verifier_note" text,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_items_verification_check" CHECK ("assessment_items"."verification" in ('pending', 'accepted', 'corrected'))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"framework_id" text NOT NULL,
	"year" integer NOT NULL,
	"stage" text DEFAULT 'mandiri' NOT NULL,
	"deadline" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalized_at" timestamp with time zone,
	CONSTRAINT "assessments_stage_check" CHECK ("assessments"."stage" in ('mandiri', 'verifikasi', 'final'))
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" text NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"input_kind" text NOT NULL,
	"region_code" text,
	"body" jsonb NOT NULL,
	"origin" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_versions_origin_check" CHECK ("framework_versions"."origin" in ('shipped', 'upload'))
);
--> statement-breakpoint
CREATE TABLE "iid_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"innovation_id" uuid,
	"indicator_id" text NOT NULL,
	"claimed_level" integer,
	"verification" text DEFAULT 'pending' NOT NULL,
	"verified_level" integer,
	"verifier_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iid_answers_verification_check" CHECK ("iid_answers"."verification" in ('pending', 'accepted', 'corrected'))
);
--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "iid_framework_id" text;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "iid_evidence_required" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_item_id_assessment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."assessment_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iid_answers" ADD CONSTRAINT "iid_answers_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iid_answers" ADD CONSTRAINT "iid_answers_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_evidence_item_idx" ON "assessment_evidence" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_items_uq" ON "assessment_items" USING btree ("assessment_id","indicator_id");--> statement-breakpoint
CREATE INDEX "assessment_items_unit_idx" ON "assessment_items" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_region_framework_year_uq" ON "assessments" USING btree ("region_code","framework_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_uq" ON "framework_versions" USING btree ("framework_id","version",coalesce("region_code", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "iid_answers_uq" ON "iid_answers" USING btree ("period_id",coalesce("innovation_id"::text, ''),"indicator_id");--> statement-breakpoint
CREATE INDEX "iid_answers_innovation_idx" ON "iid_answers" USING btree ("innovation_id");