CREATE TABLE "event_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"action" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_follow_ups_status_check" CHECK ("event_follow_ups"."status" in ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "event_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"unit_id" uuid,
	"name" text NOT NULL,
	"position" text,
	"organisation" text,
	"email" text,
	"phone" text,
	"checkin_token" text NOT NULL,
	"code" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_via" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_participants_kind_check" CHECK ("event_participants"."kind" in ('internal', 'external')),
	CONSTRAINT "event_participants_side_check" CHECK (("event_participants"."kind" = 'internal' and "event_participants"."unit_id" is not null) or ("event_participants"."kind" = 'external' and "event_participants"."organisation" is not null)),
	CONSTRAINT "event_participants_via_check" CHECK ("event_participants"."checked_in_via" is null or "event_participants"."checked_in_via" in ('qr', 'kode', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organiser_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"description" text DEFAULT '' NOT NULL,
	"invited_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"invited_organisations" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer,
	"is_registration_open" boolean DEFAULT true NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_kind_check" CHECK ("events"."kind" in ('rakor', 'bimtek', 'sosialisasi', 'fgd', 'expo', 'lainnya')),
	CONSTRAINT "events_topic_check" CHECK ("events"."topic" in ('inovasi_daerah', 'kota_cerdas', 'spbe', 'skm', 'pelayanan_publik', 'lainnya')),
	CONSTRAINT "events_time_check" CHECK ("events"."ends_at" >= "events"."starts_at"),
	CONSTRAINT "events_place_check" CHECK ("events"."place" is not null or "events"."online_url" is not null),
	CONSTRAINT "events_capacity_check" CHECK ("events"."capacity" is null or "events"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_follow_ups" ADD CONSTRAINT "event_follow_ups_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organiser_unit_id_units_id_fk" FOREIGN KEY ("organiser_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_follow_ups_event_idx" ON "event_follow_ups" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_token_uq" ON "event_participants" USING btree ("checkin_token");--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_code_uq" ON "event_participants" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_user_uq" ON "event_participants" USING btree ("event_id","user_id") WHERE "event_participants"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_person_uq" ON "event_participants" USING btree ("event_id",lower("name"),coalesce("unit_id"::text, lower("organisation"), ''));--> statement-breakpoint
CREATE INDEX "event_participants_event_idx" ON "event_participants" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "events_region_starts_idx" ON "events" USING btree ("region_code","starts_at");--> statement-breakpoint
CREATE INDEX "events_organiser_idx" ON "events" USING btree ("organiser_unit_id");