CREATE TABLE "application_services" (
	"application_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "application_services_pk" PRIMARY KEY("application_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"hosting" text DEFAULT 'pusat_data_daerah' NOT NULL,
	"status" text DEFAULT 'aktif' NOT NULL,
	"url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_kind_check" CHECK ("applications"."kind" in ('layanan_publik', 'administrasi_pemerintahan')),
	CONSTRAINT "applications_hosting_check" CHECK ("applications"."hosting" in ('pusat_data_daerah', 'pusat_data_nasional', 'cloud', 'lainnya')),
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" in ('aktif', 'pengembangan', 'tidak_aktif'))
);
--> statement-breakpoint
CREATE TABLE "complaint_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"group_name" text DEFAULT 'Umum' NOT NULL,
	"unit_id" uuid NOT NULL,
	"sla_days" integer DEFAULT 5 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_categories_sla_check" CHECK ("complaint_categories"."sla_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"unit_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"tracking_code" text NOT NULL,
	"category_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_id" uuid,
	"description" text NOT NULL,
	"address" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"status" text DEFAULT 'diterima' NOT NULL,
	"status_note" text,
	"duplicate_of_id" uuid,
	"source" text DEFAULT 'web' NOT NULL,
	"api_client_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_status_check" CHECK ("complaints"."status" in ('diterima', 'diverifikasi', 'ditindaklanjuti', 'selesai', 'ditolak', 'duplikat')),
	CONSTRAINT "complaints_source_check" CHECK ("complaints"."source" in ('web', 'open311'))
);
--> statement-breakpoint
CREATE TABLE "open311_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"description" text DEFAULT '' NOT NULL,
	"channel" text DEFAULT 'offline' NOT NULL,
	"online_url" text,
	"is_digital" boolean DEFAULT false NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"procedure" text DEFAULT '' NOT NULL,
	"duration" text DEFAULT '' NOT NULL,
	"cost" text DEFAULT '' NOT NULL,
	"product" text DEFAULT '' NOT NULL,
	"complaint_handling" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian', coalesce("services"."name", '')), 'A') || setweight(to_tsvector('indonesian', coalesce("services"."category", '') || ' ' || coalesce("services"."description", '') || ' ' || coalesce("services"."product", '')), 'B')) STORED,
	CONSTRAINT "services_channel_check" CHECK ("services"."channel" in ('online', 'offline', 'keduanya'))
);
--> statement-breakpoint
CREATE TABLE "skm_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"service_id" uuid,
	"unsur" text,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'direncanakan' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skm_follow_ups_status_check" CHECK ("skm_follow_ups"."status" in ('direncanakan', 'berjalan', 'selesai')),
	CONSTRAINT "skm_follow_ups_progress_check" CHECK ("skm_follow_ups"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "skm_period_services" (
	"period_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"population" integer,
	CONSTRAINT "skm_period_services_pk" PRIMARY KEY("period_id","service_id"),
	CONSTRAINT "skm_period_services_population_check" CHECK ("skm_period_services"."population" is null or "skm_period_services"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "skm_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"semester" integer,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'dibuka' NOT NULL,
	"all_services" boolean DEFAULT true NOT NULL,
	"framework_version_id" uuid,
	"questions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"device_interval_hours" integer DEFAULT 24 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skm_periods_window_check" CHECK ("skm_periods"."ends_on" >= "skm_periods"."starts_on"),
	CONSTRAINT "skm_periods_semester_check" CHECK ("skm_periods"."semester" is null or "skm_periods"."semester" in (1, 2)),
	CONSTRAINT "skm_periods_status_check" CHECK ("skm_periods"."status" in ('dibuka', 'ditutup'))
);
--> statement-breakpoint
CREATE TABLE "skm_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"u1" integer,
	"u2" integer,
	"u3" integer,
	"u4" integer,
	"u5" integer,
	"u6" integer,
	"u7" integer,
	"u8" integer,
	"u9" integer,
	"gender" text,
	"age_group" text,
	"education" text,
	"occupation" text,
	"vulnerable" text,
	"service_date" date,
	"suggestion" text,
	"channel" text DEFAULT 'tautan' NOT NULL,
	"device_hash" text,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skm_responses_channel_check" CHECK ("skm_responses"."channel" in ('tautan', 'kiosk', 'kertas')),
	CONSTRAINT "skm_responses_answers_check" CHECK (coalesce("skm_responses"."u1", 1) between 1 and 4 and coalesce("skm_responses"."u2", 1) between 1 and 4 and coalesce("skm_responses"."u3", 1) between 1 and 4 and coalesce("skm_responses"."u4", 1) between 1 and 4 and coalesce("skm_responses"."u5", 1) between 1 and 4 and coalesce("skm_responses"."u6", 1) between 1 and 4 and coalesce("skm_responses"."u7", 1) between 1 and 4 and coalesce("skm_responses"."u8", 1) between 1 and 4 and coalesce("skm_responses"."u9", 1) between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "skm_tallies" (
	"period_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"shard" integer NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"s1" integer DEFAULT 0 NOT NULL,
	"c1" integer DEFAULT 0 NOT NULL,
	"s2" integer DEFAULT 0 NOT NULL,
	"c2" integer DEFAULT 0 NOT NULL,
	"s3" integer DEFAULT 0 NOT NULL,
	"c3" integer DEFAULT 0 NOT NULL,
	"s4" integer DEFAULT 0 NOT NULL,
	"c4" integer DEFAULT 0 NOT NULL,
	"s5" integer DEFAULT 0 NOT NULL,
	"c5" integer DEFAULT 0 NOT NULL,
	"s6" integer DEFAULT 0 NOT NULL,
	"c6" integer DEFAULT 0 NOT NULL,
	"s7" integer DEFAULT 0 NOT NULL,
	"c7" integer DEFAULT 0 NOT NULL,
	"s8" integer DEFAULT 0 NOT NULL,
	"c8" integer DEFAULT 0 NOT NULL,
	"s9" integer DEFAULT 0 NOT NULL,
	"c9" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "skm_tallies_pk" PRIMARY KEY("period_id","service_id","shard")
);
--> statement-breakpoint
ALTER TABLE "application_services" ADD CONSTRAINT "application_services_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_services" ADD CONSTRAINT "application_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_categories" ADD CONSTRAINT "complaint_categories_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_categories" ADD CONSTRAINT "complaint_categories_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_id_complaint_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."complaint_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_duplicate_of_id_complaints_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_clients" ADD CONSTRAINT "open311_clients_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_follow_ups" ADD CONSTRAINT "skm_follow_ups_period_id_skm_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skm_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_follow_ups" ADD CONSTRAINT "skm_follow_ups_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_period_services" ADD CONSTRAINT "skm_period_services_period_id_skm_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skm_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_period_services" ADD CONSTRAINT "skm_period_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_periods" ADD CONSTRAINT "skm_periods_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_periods" ADD CONSTRAINT "skm_periods_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_period_id_skm_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skm_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_tallies" ADD CONSTRAINT "skm_tallies_period_id_skm_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skm_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_tallies" ADD CONSTRAINT "skm_tallies_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_services_service_idx" ON "application_services" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_region_name_uq" ON "applications" USING btree ("region_code",lower("name"));--> statement-breakpoint
CREATE INDEX "applications_unit_idx" ON "applications" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_categories_code_uq" ON "complaint_categories" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_uq" ON "complaints" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "complaints_region_status_idx" ON "complaints" USING btree ("region_code","status","created_at");--> statement-breakpoint
CREATE INDEX "complaints_region_created_idx" ON "complaints" USING btree ("region_code","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "complaints_unit_idx" ON "complaints" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "complaints_category_idx" ON "complaints" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_clients_key_uq" ON "open311_clients" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "open311_clients_region_idx" ON "open311_clients" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "services_unit_name_uq" ON "services" USING btree ("unit_id",lower("name"));--> statement-breakpoint
CREATE INDEX "services_region_idx" ON "services" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "services_unit_idx" ON "services" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "skm_follow_ups_period_idx" ON "skm_follow_ups" USING btree ("period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skm_periods_region_year_uq" ON "skm_periods" USING btree ("region_code","year",coalesce("semester", 0));--> statement-breakpoint
CREATE INDEX "skm_responses_period_service_idx" ON "skm_responses" USING btree ("period_id","service_id");--> statement-breakpoint
CREATE INDEX "skm_responses_device_idx" ON "skm_responses" USING btree ("service_id","device_hash","created_at");