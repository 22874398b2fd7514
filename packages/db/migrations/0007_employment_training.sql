CREATE TABLE "local_farmer_incomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"year" integer NOT NULL,
	"per_capita_income_fen" bigint NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_appointments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"post_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"exit_reason" varchar(24),
	"exit_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appointment_id" bigint NOT NULL,
	"post_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"month" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_welfare_posts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"post_type" varchar(24) NOT NULL,
	"need_reason" text NOT NULL,
	"monthly_subsidy_fen" bigint NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"closed_reason" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" varchar(16) NOT NULL,
	"year" integer NOT NULL,
	"person_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"entity_id" bigint,
	"region_code" varchar(15) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_participants" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"training_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"completed" boolean DEFAULT true NOT NULL,
	"certificate_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"course" text NOT NULL,
	"provider" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"skill" text,
	"certificate" varchar(24),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "wants_work" boolean;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "employment_channel" varchar(24);--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "employer_entity_id" bigint;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "employer_name" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "monthly_wage_fen" bigint;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "skills" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "employee_count" integer;--> statement-breakpoint
ALTER TABLE "post_appointments" ADD CONSTRAINT "post_appointments_post_id_public_welfare_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."public_welfare_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_appointments" ADD CONSTRAINT "post_appointments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_appointments" ADD CONSTRAINT "post_appointments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_payments" ADD CONSTRAINT "post_payments_appointment_id_post_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."post_appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "local_farmer_incomes_uq" ON "local_farmer_incomes" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "post_appointments_post_active_uq" ON "post_appointments" USING btree ("post_id") WHERE "post_appointments"."ended_on" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "post_appointments_person_active_uq" ON "post_appointments" USING btree ("person_id") WHERE "post_appointments"."ended_on" IS NULL;--> statement-breakpoint
CREATE INDEX "post_appointments_person_idx" ON "post_appointments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "post_appointments_region_idx" ON "post_appointments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "post_payments_month_uq" ON "post_payments" USING btree ("appointment_id","month");--> statement-breakpoint
CREATE INDEX "post_payments_person_idx" ON "post_payments" USING btree ("person_id","month");--> statement-breakpoint
CREATE INDEX "public_welfare_posts_region_idx" ON "public_welfare_posts" USING btree ("region_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_payments_travel_uq" ON "subsidy_payments" USING btree ("person_id","year") WHERE "subsidy_payments"."kind" = 'travel';--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_payments_startup_uq" ON "subsidy_payments" USING btree ("person_id") WHERE "subsidy_payments"."kind" = 'startup';--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_payments_hiring_uq" ON "subsidy_payments" USING btree ("entity_id","person_id") WHERE "subsidy_payments"."kind" = 'hiring';--> statement-breakpoint
CREATE INDEX "subsidy_payments_region_idx" ON "subsidy_payments" USING btree ("region_code" varchar_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "training_participants_uq" ON "training_participants" USING btree ("training_id","person_id");--> statement-breakpoint
CREATE INDEX "training_participants_person_idx" ON "training_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_participants_region_idx" ON "training_participants" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "trainings_region_idx" ON "trainings" USING btree ("region_code" varchar_pattern_ops,"starts_on");--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_employer_entity_id_entities_id_fk" FOREIGN KEY ("employer_entity_id") REFERENCES "public"."entities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- rule layer (ADR 0004): the facts kinds of issue 8 §4–§8 — coverage (H2, H3, H5, H6: a 脱贫/监测 household's
-- industry, jobs and income), worker (H4, H7: a working-age person), employer (J4: an entity's hires),
-- post (J5: a public-welfare post's lifecycle), job_subsidy (J1–J3: who is entitled and what was paid) — are marked dirty by every table they read, like the others
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('households', '''household'', ''person'', ''village'', ''distribution'', ''coverage'', ''worker'', ''employer'', ''post'', ''job_subsidy'''),
    ('persons', '''household'', ''person'', ''coverage'', ''worker'', ''employer'', ''post'', ''job_subsidy'''),
    ('support_measures', '''household'', ''person'', ''coverage'''),
    ('household_incomes', '''household'', ''coverage'''),
    ('linkages', '''household'', ''person'', ''village'', ''entity'', ''project'', ''coverage'''),
    ('project_beneficiaries', '''household'', ''project'', ''coverage'''),
    ('entities', '''entity'', ''village'', ''project'', ''employer'', ''job_subsidy''')
  ) AS v(tbl, kinds) LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t.tbl || '_rule_dirty_ins', t.tbl);
    EXECUTE format('DROP TRIGGER %I ON %I', t.tbl || '_rule_dirty_upd', t.tbl);
    EXECUTE format('DROP TRIGGER %I ON %I', t.tbl || '_rule_dirty_del', t.tbl);
  END LOOP;
  FOR t IN SELECT * FROM (VALUES
    ('households', '''household'', ''person'', ''village'', ''distribution'', ''coverage'', ''worker'', ''employer'', ''post'', ''job_subsidy'''),
    ('persons', '''household'', ''person'', ''coverage'', ''worker'', ''employer'', ''post'', ''job_subsidy'''),
    ('support_measures', '''household'', ''person'', ''coverage'''),
    ('household_incomes', '''household'', ''coverage'''),
    ('linkages', '''household'', ''person'', ''village'', ''entity'', ''project'', ''coverage'''),
    ('project_beneficiaries', '''household'', ''project'', ''coverage'''),
    ('entities', '''entity'', ''village'', ''project'', ''employer'', ''job_subsidy'''),
    ('public_welfare_posts', '''post'', ''employer'''),
    ('post_appointments', '''post'', ''worker'', ''coverage'', ''employer'''),
    ('post_payments', '''post'', ''worker'''),
    ('subsidy_payments', '''job_subsidy'''),
    ('trainings', '''worker'''),
    ('training_participants', '''worker'', ''coverage'''),
    ('local_farmer_incomes', '''coverage''')
  ) AS v(tbl, kinds) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_ins', t.tbl, t.kinds);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_upd', t.tbl, t.kinds);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_del', t.tbl, t.kinds);
  END LOOP;
END $$;
