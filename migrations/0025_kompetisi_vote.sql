CREATE TABLE "competition_vote_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"competition_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"mail_id" uuid,
	"address_prefix" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_vote_settings" (
	"competition_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"share_percent" numeric(5, 2) NOT NULL,
	"show_live" boolean DEFAULT false NOT NULL,
	"finalist_mode" text DEFAULT 'remaining' NOT NULL,
	"finalist_entry_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_vote_settings_share_check" CHECK ("competition_vote_settings"."share_percent" >= 0 and "competition_vote_settings"."share_percent" <= 50),
	CONSTRAINT "competition_vote_settings_dates_check" CHECK ("competition_vote_settings"."closes_at" > "competition_vote_settings"."opens_at"),
	CONSTRAINT "competition_vote_settings_mode_check" CHECK ("competition_vote_settings"."finalist_mode" in ('remaining', 'chosen'))
);
--> statement-breakpoint
CREATE TABLE "competition_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"competition_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"address_prefix" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"voided_by" uuid
);
--> statement-breakpoint
ALTER TABLE "competition_vote_requests" ADD CONSTRAINT "competition_vote_requests_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_vote_requests" ADD CONSTRAINT "competition_vote_requests_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_vote_settings" ADD CONSTRAINT "competition_vote_settings_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_votes" ADD CONSTRAINT "competition_votes_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_votes" ADD CONSTRAINT "competition_votes_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_vote_requests_email_idx" ON "competition_vote_requests" USING btree ("competition_id","email_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_votes_email_uq" ON "competition_votes" USING btree ("competition_id","email_hash");--> statement-breakpoint
CREATE INDEX "competition_votes_entry_idx" ON "competition_votes" USING btree ("competition_id","entry_id","confirmed_at");