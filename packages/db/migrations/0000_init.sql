CREATE TABLE "regions" (
	"code" varchar(15) PRIMARY KEY NOT NULL,
	"parent_code" varchar(15),
	"level" varchar(16) NOT NULL,
	"prefix" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"gb_code" varchar(6),
	"urban_rural_code" varchar(3),
	"sort" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" varchar(32) NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"locale" varchar(8) DEFAULT 'zh-CN' NOT NULL,
	"phone" varchar(32),
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "dictionary_items" (
	"dict_code" varchar(48) NOT NULL,
	"code" varchar(48) NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"parent_code" varchar(48),
	"attrs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dictionary_items_dict_code_code_pk" PRIMARY KEY("dict_code","code")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" varchar(96) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"role" varchar(24) NOT NULL,
	"organisation" text,
	"phone" varchar(32),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_helpers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"helper_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"start_date" date,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "household_incomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"year" integer NOT NULL,
	"wage" numeric(14, 2) DEFAULT 0 NOT NULL,
	"business" numeric(14, 2) DEFAULT 0 NOT NULL,
	"business_expense" numeric(14, 2) DEFAULT 0 NOT NULL,
	"property" numeric(14, 2) DEFAULT 0 NOT NULL,
	"transfer" numeric(14, 2) DEFAULT 0 NOT NULL,
	"member_count" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_no" varchar(32) NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"household_type" varchar(24) NOT NULL,
	"monitoring_type" varchar(24),
	"monitoring_status" varchar(16) DEFAULT 'none' NOT NULL,
	"risk_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"housing_secure" boolean DEFAULT true NOT NULL,
	"water_secure" boolean DEFAULT true NOT NULL,
	"education_secure" boolean DEFAULT true NOT NULL,
	"medical_secure" boolean DEFAULT true NOT NULL,
	"address" text,
	"phone" varchar(32),
	"lifted_year" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"monitoring_type" varchar(24) NOT NULL,
	"lead_source" varchar(24),
	"lead_date" date,
	"home_visit_date" date,
	"info_check_date" date,
	"village_review_date" date,
	"publicity_start" date,
	"publicity_end" date,
	"township_review_date" date,
	"county_approval_date" date,
	"status" varchar(16) DEFAULT 'identifying' NOT NULL,
	"elimination_method" varchar(16),
	"elimination_date" date,
	"income_stable_since" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"gender" varchar(4) NOT NULL,
	"birth_date" date NOT NULL,
	"relation" varchar(8) NOT NULL,
	"is_head" boolean DEFAULT false NOT NULL,
	"labor_capacity" varchar(24),
	"health_status" varchar(24),
	"education" varchar(24),
	"employment_status" varchar(24),
	"employment_place" text,
	"wants_training" boolean,
	"trained_this_year" boolean,
	"phone" varchar(32),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_measures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"category" varchar(24) NOT NULL,
	"description" text,
	"year" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"helper_id" bigint,
	"amount_yuan" numeric(14, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" bigint,
	"actor_name" text,
	"action" varchar(32) NOT NULL,
	"entity_type" varchar(48) NOT NULL,
	"entity_id" text,
	"region_code" varchar(15),
	"household_id" bigint,
	"before" jsonb,
	"after" jsonb,
	"request_id" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "column_mappings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" varchar(32) NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" varchar(32) NOT NULL,
	"status" varchar(16) NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"file_path" text NOT NULL,
	"sheet_name" text,
	"headers" jsonb,
	"mapping" jsonb,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"good_rows" integer DEFAULT 0 NOT NULL,
	"bad_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"result" jsonb,
	"message" text,
	"created_by" bigint NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_helpers" ADD CONSTRAINT "household_helpers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_helpers" ADD CONSTRAINT "household_helpers_helper_id_helpers_id_fk" FOREIGN KEY ("helper_id") REFERENCES "public"."helpers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_incomes" ADD CONSTRAINT "household_incomes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD CONSTRAINT "monitoring_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_measures" ADD CONSTRAINT "support_measures_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_measures" ADD CONSTRAINT "support_measures_helper_id_helpers_id_fk" FOREIGN KEY ("helper_id") REFERENCES "public"."helpers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_prefix_idx" ON "regions" USING btree ("prefix" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "helpers_region_idx" ON "helpers" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "household_helpers_uq" ON "household_helpers" USING btree ("household_id","helper_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_incomes_year_uq" ON "household_incomes" USING btree ("household_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "households_no_uq" ON "households" USING btree ("household_no");--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "households_type_idx" ON "households" USING btree ("household_type","region_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "monitoring_cases_household_idx" ON "monitoring_cases" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_uq" ON "persons" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "persons" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_one_head_uq" ON "persons" USING btree ("household_id") WHERE "persons"."is_head";--> statement-breakpoint
CREATE INDEX "persons_region_idx" ON "persons" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "support_measures_household_idx" ON "support_measures" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "support_measures_region_idx" ON "support_measures" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_household_idx" ON "audit_log" USING btree ("household_id");