CREATE TABLE "chain_link_entities" (
	"link_id" bigint NOT NULL,
	"entity_id" bigint NOT NULL,
	CONSTRAINT "chain_link_entities_link_id_entity_id_pk" PRIMARY KEY("link_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "chain_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chain_id" bigint NOT NULL,
	"link_kind" varchar(24) NOT NULL,
	"name" text,
	"sort" smallint DEFAULT 0 NOT NULL,
	"shortfall" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"entity_type" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"credit_code" varchar(18),
	"level" varchar(16),
	"party_led" boolean DEFAULT false NOT NULL,
	"legal_person" text,
	"contact_name" text,
	"contact_phone" varchar(32),
	"address" text,
	"established_on" date,
	"served_region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_relocation_park" boolean DEFAULT false NOT NULL,
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"closed_on" date,
	"closed_reason" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_backbones" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_id" bigint,
	"region_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"kind" varchar(24) DEFAULT 'backbone' NOT NULL,
	"specialty" text,
	"title" text,
	"phone" varchar(32),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_industries" (
	"entity_id" bigint NOT NULL,
	"industry_id" bigint NOT NULL,
	CONSTRAINT "entity_industries_entity_id_industry_id_pk" PRIMARY KEY("entity_id","industry_id")
);
--> statement-breakpoint
CREATE TABLE "facility_subsidies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint,
	"household_id" bigint,
	"region_code" varchar(15) NOT NULL,
	"kind" varchar(32) NOT NULL,
	"area_mu" numeric(12, 2) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"pack_id" varchar(64) NOT NULL,
	"year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_allocations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fund_source_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"allocated_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_sources" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"year" integer NOT NULL,
	"fund_level" varchar(16) NOT NULL,
	"fund_kind" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"document_no" text,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"category" varchar(24) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"tier" varchar(16),
	"description" text,
	"scale_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_chains" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"industry_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"leader_name" text,
	"leader_title" text,
	"deputy_leader_name" text,
	"shortfalls" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "linkages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"project_id" bigint,
	"mode" varchar(24) NOT NULL,
	"year" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"income_fen" bigint DEFAULT 0 NOT NULL,
	"income_type" varchar(16) DEFAULT 'wage' NOT NULL,
	"carried_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_repayments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"loan_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"paid_on" date NOT NULL,
	"principal_fen" bigint DEFAULT 0 NOT NULL,
	"interest_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"person_id" bigint,
	"region_code" varchar(15) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"term_months" smallint NOT NULL,
	"annual_rate" numeric(6, 4) NOT NULL,
	"start_date" date NOT NULL,
	"maturity_date" date NOT NULL,
	"needs_and_can_repay" boolean DEFAULT false NOT NULL,
	"purpose" text,
	"lender" text,
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"interest_subsidy_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_beneficiaries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_budgets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"fund_level" varchar(16) NOT NULL,
	"fund_kind" varchar(16) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" bigint NOT NULL,
	"action" varchar(32) NOT NULL,
	"from_stage" varchar(24) NOT NULL,
	"to_stage" varchar(24) NOT NULL,
	"actor_id" bigint,
	"actor_name" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_no" varchar(32) NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"project_type" varchar(24) NOT NULL,
	"project_subtype" varchar(32),
	"industry_id" bigint,
	"chain_link_id" bigint,
	"is_specialty" boolean DEFAULT false NOT NULL,
	"is_cluster_project" boolean DEFAULT false NOT NULL,
	"stage" varchar(24) DEFAULT 'draft' NOT NULL,
	"year" integer NOT NULL,
	"budget_fen" bigint DEFAULT 0 NOT NULL,
	"implementing_entity_id" bigint,
	"linkage_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"driven_households" integer,
	"driven_persons" integer,
	"construction_content" text,
	"performance_target" text,
	"review_benefit" boolean,
	"review_linkage" boolean,
	"review_organisation" boolean,
	"review_after_operation" boolean,
	"review_note" text,
	"return_reason" text,
	"publicity_start" date,
	"publicity_end" date,
	"entered_library_on" date,
	"started_on" date,
	"accepted_on" date,
	"evaluated_on" date,
	"evaluation_grade" varchar(8),
	"evaluation_note" text,
	"proposed_by" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_dirty" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" varchar(16) NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_evaluations" (
	"rule_id" varchar(8) NOT NULL,
	"year" integer NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"pack_id" varchar(64) NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_evaluations_rule_id_year_county_code_pk" PRIMARY KEY("rule_id","year","county_code")
);
--> statement-breakpoint
CREATE TABLE "rule_results" (
	"rule_id" varchar(8) NOT NULL,
	"year" integer NOT NULL,
	"subject_key" varchar(32) NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"status" varchar(16) NOT NULL,
	"value" numeric(18, 4),
	"threshold" numeric(18, 4),
	"group_code" varchar(24),
	"reason_zh" text,
	"reason_en" text,
	CONSTRAINT "rule_results_rule_id_year_subject_key_pk" PRIMARY KEY("rule_id","year","subject_key")
);
--> statement-breakpoint
ALTER TABLE "chain_link_entities" ADD CONSTRAINT "chain_link_entities_link_id_chain_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."chain_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_link_entities" ADD CONSTRAINT "chain_link_entities_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_chain_id_industry_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."industry_chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_backbones" ADD CONSTRAINT "entity_backbones_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_industries" ADD CONSTRAINT "entity_industries_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_industries" ADD CONSTRAINT "entity_industries_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_subsidies" ADD CONSTRAINT "facility_subsidies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_subsidies" ADD CONSTRAINT "facility_subsidies_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_fund_source_id_fund_sources_id_fk" FOREIGN KEY ("fund_source_id") REFERENCES "public"."fund_sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_sources" ADD CONSTRAINT "fund_sources_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industries" ADD CONSTRAINT "industries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_chains" ADD CONSTRAINT "industry_chains_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_beneficiaries" ADD CONSTRAINT "project_beneficiaries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_beneficiaries" ADD CONSTRAINT "project_beneficiaries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budgets" ADD CONSTRAINT "project_budgets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_steps" ADD CONSTRAINT "project_steps_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_chain_link_id_chain_links_id_fk" FOREIGN KEY ("chain_link_id") REFERENCES "public"."chain_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_implementing_entity_id_entities_id_fk" FOREIGN KEY ("implementing_entity_id") REFERENCES "public"."entities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chain_link_entities_entity_idx" ON "chain_link_entities" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "chain_links_chain_idx" ON "chain_links" USING btree ("chain_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entities_credit_code_uq" ON "entities" USING btree ("credit_code") WHERE "entities"."credit_code" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "entities_region_idx" ON "entities" USING btree ("region_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "entities_type_idx" ON "entities" USING btree ("entity_type");--> statement-breakpoint
CREATE INDEX "entity_backbones_entity_idx" ON "entity_backbones" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "entity_backbones_region_idx" ON "entity_backbones" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "entity_industries_industry_idx" ON "entity_industries" USING btree ("industry_id");--> statement-breakpoint
CREATE INDEX "facility_subsidies_project_idx" ON "facility_subsidies" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "facility_subsidies_household_idx" ON "facility_subsidies" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_project_idx" ON "fund_allocations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_source_idx" ON "fund_allocations" USING btree ("fund_source_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_region_year_idx" ON "fund_allocations" USING btree ("region_code" varchar_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "fund_sources_region_year_idx" ON "fund_sources" USING btree ("region_code" varchar_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "industries_region_idx" ON "industries" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "industry_chains_industry_idx" ON "industry_chains" USING btree ("industry_id");--> statement-breakpoint
CREATE INDEX "industry_chains_region_idx" ON "industry_chains" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "linkages_uq" ON "linkages" USING btree ("entity_id","household_id","mode","year");--> statement-breakpoint
CREATE INDEX "linkages_household_idx" ON "linkages" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "linkages_region_idx" ON "linkages" USING btree ("region_code" varchar_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "loan_repayments_loan_idx" ON "loan_repayments" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "loan_repayments_household_idx" ON "loan_repayments" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "loans_household_idx" ON "loans" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "loans_region_idx" ON "loans" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "project_beneficiaries_uq" ON "project_beneficiaries" USING btree ("project_id","household_id");--> statement-breakpoint
CREATE INDEX "project_beneficiaries_household_idx" ON "project_beneficiaries" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_budgets_uq" ON "project_budgets" USING btree ("project_id","year","fund_level","fund_kind");--> statement-breakpoint
CREATE INDEX "project_steps_project_idx" ON "project_steps" USING btree ("project_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_no_uq" ON "projects" USING btree ("project_no");--> statement-breakpoint
CREATE INDEX "projects_region_idx" ON "projects" USING btree ("region_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "projects_year_stage_idx" ON "projects" USING btree ("year","stage");--> statement-breakpoint
CREATE INDEX "rule_dirty_region_idx" ON "rule_dirty" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "rule_results_region_idx" ON "rule_results" USING btree ("rule_id","year","region_code" varchar_pattern_ops);--> statement-breakpoint
-- Dirty marks for the stored rule results (ADR 0004): a statement-level trigger per table and event writes the
-- facts kinds named in its arguments with the village (first 12 characters) of every changed row. project_budgets
-- has no region code: a budget change bumps its project's version, which marks it.
CREATE FUNCTION rule_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k text;
BEGIN
  FOREACH k IN ARRAY TG_ARGV LOOP
    IF TG_OP = 'DELETE' THEN
      INSERT INTO rule_dirty (kind, region_code) SELECT DISTINCT k, left(o.region_code, 12) FROM old_rows o;
    ELSIF TG_OP = 'INSERT' THEN
      INSERT INTO rule_dirty (kind, region_code) SELECT DISTINCT k, left(n.region_code, 12) FROM new_rows n;
    ELSE
      INSERT INTO rule_dirty (kind, region_code)
        SELECT DISTINCT k, r FROM (SELECT left(n.region_code, 12) AS r FROM new_rows n UNION SELECT left(o.region_code, 12) FROM old_rows o) x;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('households', '''household'', ''person'', ''village'''),
    ('persons', '''household'', ''person'''),
    ('support_measures', '''household'', ''person'''),
    ('household_incomes', '''household'''),
    ('monitoring_cases', '''household'', ''person'''),
    ('linkages', '''household'', ''person'', ''village'', ''entity'', ''project'''),
    ('project_beneficiaries', '''household'', ''project'''),
    ('entities', '''entity'', ''village'', ''project'''),
    ('entity_backbones', '''entity'', ''village'''),
    ('industries', '''project'', ''entity'', ''fund'''),
    ('projects', '''project'', ''fund'''),
    ('fund_sources', '''fund'''),
    ('fund_allocations', '''project'', ''fund'''),
    ('loans', '''loan'', ''household'''),
    ('facility_subsidies', '''subsidy'''),
    ('loan_repayments', '''loan''')
  ) AS v(tbl, kinds) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_ins', t.tbl, t.kinds);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_upd', t.tbl, t.kinds);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty(%s)', t.tbl || '_rule_dirty_del', t.tbl, t.kinds);
  END LOOP;
END $$;
