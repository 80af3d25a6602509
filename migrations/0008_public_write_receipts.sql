CREATE TABLE "public_write_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"key_hash" text NOT NULL,
	"status" integer,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "public_write_receipts_key_uq" ON "public_write_receipts" USING btree ("scope","key_hash");--> statement-breakpoint
CREATE INDEX "public_write_receipts_created_idx" ON "public_write_receipts" USING btree ("created_at");