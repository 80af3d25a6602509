CREATE TABLE "iid_national_innovation_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"innovation_id" uuid NOT NULL,
	"national_score" numeric(10, 2),
	"national_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iid_national_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"national_index" numeric(6, 2),
	"national_rank" integer,
	"predicate" text,
	"file_name" text DEFAULT '' NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "iid_national_results_rank_check" CHECK ("iid_national_results"."national_rank" is null or "iid_national_results"."national_rank" >= 1)
);
--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "klasifikasi" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "asta_cita" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "pkpn_klaster" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "pkpn_program" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "anggaran" numeric(15, 2);--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "sumber_anggaran" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "nama_inisiator" text;--> statement-breakpoint
ALTER TABLE "iid_national_innovation_results" ADD CONSTRAINT "iid_national_innovation_results_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iid_national_innovation_results" ADD CONSTRAINT "iid_national_innovation_results_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iid_national_results" ADD CONSTRAINT "iid_national_results_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iid_national_results" ADD CONSTRAINT "iid_national_results_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "iid_national_innovation_results_uq" ON "iid_national_innovation_results" USING btree ("period_id","innovation_id");--> statement-breakpoint
CREATE INDEX "iid_national_innovation_results_region_idx" ON "iid_national_innovation_results" USING btree ("region_code","period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "iid_national_results_period_uq" ON "iid_national_results" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "iid_national_results_region_idx" ON "iid_national_results" USING btree ("region_code");