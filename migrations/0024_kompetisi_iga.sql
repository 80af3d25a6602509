CREATE TABLE "competition_field_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"competition_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"status" text DEFAULT 'belum_diperiksa' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "competition_field_checks_status_check" CHECK ("competition_field_checks"."status" in ('belum_diperiksa', 'sesuai', 'tidak_sesuai', 'perlu_perbaikan'))
);
--> statement-breakpoint
ALTER TABLE "competition_field_checks" ADD CONSTRAINT "competition_field_checks_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_field_checks" ADD CONSTRAINT "competition_field_checks_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_field_checks" ADD CONSTRAINT "competition_field_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_field_checks_entry_indicator_uq" ON "competition_field_checks" USING btree ("entry_id","indicator_id");--> statement-breakpoint
CREATE INDEX "competition_field_checks_competition_idx" ON "competition_field_checks" USING btree ("competition_id");