CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"slot" text DEFAULT 'umum' NOT NULL,
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
	CONSTRAINT "attachments_kind_check" CHECK ("attachments"."kind" in ('file', 'link'))
);
--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "attachments_region_idx" ON "attachments" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "attachments_storage_key_idx" ON "attachments" USING btree ("storage_key");--> statement-breakpoint
-- Innovation and assessment evidence move into the one attachments table with their ids unchanged, so
-- every link, audit entry and backup that names an evidence id still finds it.
INSERT INTO "attachments" ("id", "region_code", "owner_type", "owner_id", "slot", "kind", "title", "file_name", "mime_type", "size_bytes", "sha256", "storage_key", "url", "created_by", "created_at")
SELECT "id", "region_code", 'innovation', "innovation_id", "target", "kind", "title", "file_name", "mime_type", "size_bytes", "sha256", "storage_key", "url", "created_by", "created_at" FROM "evidence";--> statement-breakpoint
INSERT INTO "attachments" ("id", "region_code", "owner_type", "owner_id", "slot", "kind", "title", "file_name", "mime_type", "size_bytes", "sha256", "storage_key", "url", "created_by", "created_at")
SELECT "id", "region_code", 'assessment_item', "item_id", 'umum', "kind", "title", "file_name", "mime_type", "size_bytes", "sha256", "storage_key", "url", "created_by", "created_at" FROM "assessment_evidence";
