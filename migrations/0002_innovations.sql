CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"innovation_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"target" text DEFAULT 'umum' NOT NULL,
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
	CONSTRAINT "evidence_kind_check" CHECK ("evidence"."kind" in ('file', 'link'))
);
--> statement-breakpoint
CREATE TABLE "innovation_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"innovation_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"field_notes" jsonb
);
--> statement-breakpoint
CREATE TABLE "innovations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"tahapan" text,
	"inisiator" text,
	"jenis" text,
	"bentuk" text,
	"urusan_utama" text,
	"urusan_irisan" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tematik" text,
	"waktu_uji_coba" date,
	"waktu_penerapan" date,
	"rancang_bangun" text DEFAULT '' NOT NULL,
	"tujuan" text DEFAULT '' NOT NULL,
	"manfaat" text DEFAULT '' NOT NULL,
	"hasil" text DEFAULT '' NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"previous_id" uuid,
	"development_note" text,
	"review_notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rejection_reason" text,
	"submitted_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian', coalesce("innovations"."name", '')), 'A') || setweight(to_tsvector('indonesian', coalesce("innovations"."tujuan", '') || ' ' || coalesce("innovations"."manfaat", '') || ' ' || coalesce("innovations"."hasil", '')), 'B')) STORED,
	CONSTRAINT "innovations_status_check" CHECK ("innovations"."status" in ('draft', 'diajukan', 'dikembalikan', 'terverifikasi', 'ditolak'))
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"target_total" integer NOT NULL,
	"min_per_unit" integer DEFAULT 1 NOT NULL,
	"counts_sub_units" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "periods_window_check" CHECK ("periods"."closes_on" >= "periods"."opens_on"),
	CONSTRAINT "periods_target_check" CHECK ("periods"."target_total" >= 0 and "periods"."min_per_unit" >= 0)
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_events" ADD CONSTRAINT "innovation_events_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_previous_id_innovations_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_innovation_idx" ON "evidence" USING btree ("innovation_id");--> statement-breakpoint
CREATE INDEX "innovation_events_innovation_idx" ON "innovation_events" USING btree ("innovation_id","at");--> statement-breakpoint
CREATE INDEX "innovations_region_period_idx" ON "innovations" USING btree ("region_code","period_id","status");--> statement-breakpoint
CREATE INDEX "innovations_unit_idx" ON "innovations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "innovations_previous_idx" ON "innovations" USING btree ("previous_id");--> statement-breakpoint
CREATE INDEX "innovations_search_idx" ON "innovations" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "innovations_carry_uq" ON "innovations" USING btree ("previous_id","period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "periods_region_year_uq" ON "periods" USING btree ("region_code","year");