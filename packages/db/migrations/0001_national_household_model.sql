CREATE TABLE "monitoring_lines" (
	"province_code" varchar(2) NOT NULL,
	"year" integer NOT NULL,
	"amount_yuan" numeric(14, 2) NOT NULL,
	"source" text NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "housing_secure" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "housing_secure" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "water_secure" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "water_secure" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "education_secure" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "education_secure" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "medical_secure" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "medical_secure" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "id_number" SET DATA TYPE varchar(32);--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "household_incomes" ADD COLUMN "claim_income" numeric(14, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_incomes" ADD COLUMN "compliant_self_paid" numeric(14, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "is_lifted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "lifted_category" varchar(24);--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "monitoring_since" date;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "eliminated_at" date;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "elimination_method" varchar(16);--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "exit_reason" varchar(16);--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "exit_date" date;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "exit_note" text;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "stage" varchar(24) DEFAULT 'village' NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "risk_types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "commitment_date" date;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "elim_home_visit_date" date;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "elim_publicity_start" date;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "elim_publicity_end" date;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "elim_township_review_date" date;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "elim_county_approval_date" date;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "rigid_expense_resolved" boolean;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD COLUMN "no_new_risk" boolean;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "id_type" varchar(8) DEFAULT '1' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "person_no" varchar(32);--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "ethnicity" varchar(4);--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "health_statuses" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "disability_type" varchar(16);--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "disability_grade" varchar(8);--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "school_status" varchar(24);--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "work_months" smallint;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "exit_reason" varchar(16);--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "exit_date" date;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "exit_note" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "excluded_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "warning_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "header_row" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "layout" varchar(32);--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "ignored_headers" jsonb;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "options" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_lines_uq" ON "monitoring_lines" USING btree ("province_code","year");--> statement-breakpoint
CREATE INDEX "households_no_prefix_idx" ON "households" USING btree ("household_no" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "monitoring_cases_stage_idx" ON "monitoring_cases" USING btree ("stage","region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "persons_person_no_uq" ON "persons" USING btree ("person_no");--> statement-breakpoint
-- backfill: 是否脱贫户 from the old single type (a 脱贫不稳定户 comes from a 脱贫户), health as a set, case stages
UPDATE "households" SET "is_lifted" = true WHERE "household_type" = 'lifted' OR ("household_type" = 'monitored' AND "monitoring_type" = 'unstable');--> statement-breakpoint
UPDATE "households" SET "lifted_category" = 'general' WHERE "is_lifted" AND "lifted_category" IS NULL;--> statement-breakpoint
UPDATE "persons" SET "health_statuses" = ARRAY["health_status"] WHERE "health_status" IS NOT NULL;--> statement-breakpoint
UPDATE "monitoring_cases" SET "stage" = CASE "status" WHEN 'monitoring' THEN 'approved' WHEN 'eliminated' THEN 'eliminated' ELSE 'village' END;
