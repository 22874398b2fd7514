CREATE TABLE "asset_class_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"asset_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"from_class" varchar(24),
	"to_class" varchar(24) NOT NULL,
	"reason" text NOT NULL,
	"changed_by" bigint,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_incomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"asset_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"year" integer NOT NULL,
	"half" smallint NOT NULL,
	"income_fen" bigint NOT NULL,
	"stocktake_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"asset_no" varchar(32) NOT NULL,
	"name" text NOT NULL,
	"project_id" bigint,
	"region_code" varchar(15) NOT NULL,
	"category" varchar(24) NOT NULL,
	"value_fen" bigint NOT NULL,
	"formed_on" date,
	"location" text,
	"owner_kind" varchar(24),
	"owner_name" text,
	"confirmed_on" date,
	"management_level" varchar(24),
	"operator_entity_id" bigint,
	"operating_mode" varchar(24),
	"asset_class" varchar(24),
	"class_reason" text,
	"status" varchar(16) DEFAULT 'in_use' NOT NULL,
	"disposed_on" date,
	"disposal_reason" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"distribution_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"work_units" numeric(10, 2),
	"amount_fen" bigint NOT NULL,
	"carried_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "income_distributions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"year" integer NOT NULL,
	"half" smallint,
	"collective_income_fen" bigint NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "asset_class_changes" ADD CONSTRAINT "asset_class_changes_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_incomes" ADD CONSTRAINT "asset_incomes_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_operator_entity_id_entities_id_fk" FOREIGN KEY ("operator_entity_id") REFERENCES "public"."entities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_lines" ADD CONSTRAINT "distribution_lines_distribution_id_income_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."income_distributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_lines" ADD CONSTRAINT "distribution_lines_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_class_changes_asset_idx" ON "asset_class_changes" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_incomes_period_uq" ON "asset_incomes" USING btree ("asset_id","year","half");--> statement-breakpoint
CREATE INDEX "asset_incomes_region_idx" ON "asset_incomes" USING btree ("region_code" varchar_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_no_uq" ON "assets" USING btree ("asset_no");--> statement-breakpoint
CREATE INDEX "assets_region_idx" ON "assets" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "assets_project_idx" ON "assets" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_lines_uq" ON "distribution_lines" USING btree ("distribution_id","household_id");--> statement-breakpoint
CREATE INDEX "distribution_lines_household_idx" ON "distribution_lines" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "income_distributions_region_idx" ON "income_distributions" USING btree ("region_code" varchar_pattern_ops,"year");--> statement-breakpoint
-- rule layer (ADR 0004): the asset tables mark their regions dirty like the other facts (migration 0004)
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('assets', '''asset'', ''village'', ''distribution'''),
    ('asset_class_changes', '''asset'''),
    ('asset_incomes', '''asset'', ''village'', ''distribution'''),
    ('income_distributions', '''distribution'', ''village'''),
    ('distribution_lines', '''distribution'', ''household'', ''village''')
  ) AS v(tbl, kinds) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_ins', t.tbl, t.kinds);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_upd', t.tbl, t.kinds);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_del', t.tbl, t.kinds);
  END LOOP;
END $$;
--> statement-breakpoint
-- A2 judges the money paid to 脱贫/监测 households: a household's type change marks its village's distribution too
DROP TRIGGER households_rule_dirty_ins ON households;
--> statement-breakpoint
DROP TRIGGER households_rule_dirty_upd ON households;
--> statement-breakpoint
DROP TRIGGER households_rule_dirty_del ON households;
--> statement-breakpoint
CREATE TRIGGER households_rule_dirty_ins AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty('household', 'person', 'village', 'distribution');
--> statement-breakpoint
CREATE TRIGGER households_rule_dirty_upd AFTER UPDATE ON households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty('household', 'person', 'village', 'distribution');
--> statement-breakpoint
CREATE TRIGGER households_rule_dirty_del AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty('household', 'person', 'village', 'distribution');
