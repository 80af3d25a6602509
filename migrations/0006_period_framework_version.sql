ALTER TABLE "periods" ADD COLUMN "iid_framework_version_id" uuid;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_iid_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("iid_framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A period that named an IID framework by its id now names that framework's install-wide version.
UPDATE "periods" p SET "iid_framework_version_id" = (
  SELECT fv."id" FROM "framework_versions" fv
  WHERE fv."framework_id" = p."iid_framework_id" AND fv."region_code" IS NULL
  ORDER BY fv."created_at" DESC LIMIT 1
) WHERE p."iid_framework_id" IS NOT NULL;
