ALTER TABLE "iid_answers" ADD COLUMN "basis_ukur" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "waktu_pengembangan" date;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "uraian_pengembangan" text DEFAULT '' NOT NULL;