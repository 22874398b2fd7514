CREATE TABLE "household_type_counts" (
	"region_code" varchar(15) NOT NULL,
	"household_type" varchar(24) NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "household_type_counts_region_code_household_type_pk" PRIMARY KEY("region_code","household_type")
);
--> statement-breakpoint
CREATE TABLE "rule_result_counts" (
	"rule_id" varchar(8) NOT NULL,
	"year" integer NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"status" varchar(16) NOT NULL,
	"group_code" varchar(24) DEFAULT '' NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "rule_result_counts_rule_id_year_region_code_status_group_code_pk" PRIMARY KEY("rule_id","year","region_code","status","group_code")
);
--> statement-breakpoint
CREATE INDEX "rule_results_page_idx" ON "rule_results" USING btree ("rule_id","year","status",("region_code" COLLATE "C"),length("subject_key"),"subject_key");
--> statement-breakpoint
CREATE INDEX "rule_result_counts_region_idx" ON "rule_result_counts" USING btree ("rule_id","year","region_code" varchar_pattern_ops);
--> statement-breakpoint
-- rule_result_counts = rule_results counted by (rule, year, region, status, group): kept by statement-level
-- triggers with transition tables (one aggregate per statement, not one update per row)
CREATE FUNCTION rule_results_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO rule_result_counts AS c (rule_id, year, region_code, status, group_code, n)
      SELECT rule_id, year, region_code, status, coalesce(group_code, ''), -count(*) FROM old_rows GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (rule_id, year, region_code, status, group_code) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO rule_result_counts AS c (rule_id, year, region_code, status, group_code, n)
      SELECT rule_id, year, region_code, status, coalesce(group_code, ''), count(*) FROM new_rows GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (rule_id, year, region_code, status, group_code) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rule_results_count_ins AFTER INSERT ON rule_results REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_results_count();
--> statement-breakpoint
CREATE TRIGGER rule_results_count_upd AFTER UPDATE ON rule_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_results_count();
--> statement-breakpoint
CREATE TRIGGER rule_results_count_del AFTER DELETE ON rule_results REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_results_count();
--> statement-breakpoint
INSERT INTO rule_result_counts (rule_id, year, region_code, status, group_code, n)
  SELECT rule_id, year, region_code, status, coalesce(group_code, ''), count(*) FROM rule_results GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- household_type_counts = households not exited counted by (region, type), kept the same way
CREATE FUNCTION household_type_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- only the rows whose (region, type, in the registry) changed move a count: a phone edit or a version bump touches
  -- no count row, so officers' saves do not queue on a village's count; rows are written in key order (no deadlock)
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO household_type_counts AS c (region_code, household_type, n)
      SELECT region_code, household_type, sum(d) FROM (
        SELECT o.region_code, o.household_type, -1 AS d FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.deleted_at IS NULL AND (n.deleted_at IS NOT NULL OR n.region_code <> o.region_code OR n.household_type <> o.household_type)
        UNION ALL
        SELECT n.region_code, n.household_type, 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE n.deleted_at IS NULL AND (o.deleted_at IS NOT NULL OR n.region_code <> o.region_code OR n.household_type <> o.household_type)
      ) x GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
      ON CONFLICT (region_code, household_type) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO household_type_counts AS c (region_code, household_type, n)
      SELECT region_code, household_type, -count(*) FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (region_code, household_type) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO household_type_counts AS c (region_code, household_type, n)
      SELECT region_code, household_type, count(*) FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (region_code, household_type) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER households_type_count_ins AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_type_count();
--> statement-breakpoint
CREATE TRIGGER households_type_count_upd AFTER UPDATE ON households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_type_count();
--> statement-breakpoint
CREATE TRIGGER households_type_count_del AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_type_count();
--> statement-breakpoint
INSERT INTO household_type_counts (region_code, household_type, n)
  SELECT region_code, household_type, count(*) FROM households WHERE deleted_at IS NULL GROUP BY 1, 2;
