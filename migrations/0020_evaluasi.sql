CREATE TABLE "assessment_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"assessment_id" uuid NOT NULL,
	"evaluator" text DEFAULT '' NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"pillar_findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"letter_number" text,
	"letter_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_evaluations_letter_check" CHECK (("assessment_evaluations"."letter_number" is null) = ("assessment_evaluations"."letter_date" is null))
);
--> statement-breakpoint
ALTER TABLE "assessment_evaluations" ADD CONSTRAINT "assessment_evaluations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evaluations" ADD CONSTRAINT "assessment_evaluations_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_evaluations_assessment_uq" ON "assessment_evaluations" USING btree ("assessment_id");