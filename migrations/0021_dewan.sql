CREATE TYPE "public"."council_follow_up_status" AS ENUM('terbuka', 'selesai');--> statement-breakpoint
CREATE TYPE "public"."council_kind" AS ENUM('dewan_smart_city', 'tim_pelaksana', 'forum');--> statement-breakpoint
CREATE TYPE "public"."council_member_role" AS ENUM('ketua', 'wakil_ketua', 'sekretaris', 'anggota', 'narasumber');--> statement-breakpoint
CREATE TABLE "council_decrees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"council_id" uuid NOT NULL,
	"number" text NOT NULL,
	"decree_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"council_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"action" text NOT NULL,
	"responsible_unit_id" uuid,
	"responsible_member_id" uuid,
	"due_date" date NOT NULL,
	"status" "council_follow_up_status" DEFAULT 'terbuka' NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_follow_ups_responsible_check" CHECK (("council_follow_ups"."responsible_unit_id" is null) <> ("council_follow_ups"."responsible_member_id" is null)),
	CONSTRAINT "council_follow_ups_done_check" CHECK (("council_follow_ups"."status" = 'selesai') = ("council_follow_ups"."done_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"council_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"place" text NOT NULL,
	"agenda" text NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"council_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text,
	"organisation" text,
	"position" text,
	"role" "council_member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_members_person_check" CHECK (("council_members"."user_id" is null) <> ("council_members"."name" is null))
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"kind" "council_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_decrees" ADD CONSTRAINT "council_decrees_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_follow_ups" ADD CONSTRAINT "council_follow_ups_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_follow_ups" ADD CONSTRAINT "council_follow_ups_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_follow_ups" ADD CONSTRAINT "council_follow_ups_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_follow_ups" ADD CONSTRAINT "council_follow_ups_responsible_member_id_council_members_id_fk" FOREIGN KEY ("responsible_member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_decrees_council_idx" ON "council_decrees" USING btree ("council_id","decree_date");--> statement-breakpoint
CREATE INDEX "council_follow_ups_region_idx" ON "council_follow_ups" USING btree ("region_code","status","due_date");--> statement-breakpoint
CREATE INDEX "council_follow_ups_meeting_idx" ON "council_follow_ups" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "council_meetings_council_idx" ON "council_meetings" USING btree ("council_id","meeting_date");--> statement-breakpoint
CREATE INDEX "council_members_council_idx" ON "council_members" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "councils_region_idx" ON "councils" USING btree ("region_code","kind");