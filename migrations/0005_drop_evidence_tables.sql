DROP TABLE "assessment_evidence" CASCADE;--> statement-breakpoint
DROP TABLE "evidence" CASCADE;