CREATE TABLE "rule_result_digests" (
	"rule_id" varchar(8) NOT NULL,
	"year" integer NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"digest" varchar(32) NOT NULL,
	CONSTRAINT "rule_result_digests_rule_id_year_village_code_pk" PRIMARY KEY("rule_id","year","village_code")
);
--> statement-breakpoint
CREATE INDEX "rule_result_digests_village_idx" ON "rule_result_digests" USING btree ("rule_id","year","village_code" varchar_pattern_ops);--> statement-breakpoint
-- A statement that writes rule_results forgets the digests of the villages it touched (old and new rows: a result
-- that moved leaves two villages changed); the rule layer writes a village's digest again after it made the
-- village's results equal to an evaluation (ADR 0004). One statement per write, not one per row.
CREATE FUNCTION rule_results_forget_digests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM rule_result_digests d USING (SELECT DISTINCT rule_id, year, left(region_code, 12) AS village FROM old_rows) o
      WHERE d.rule_id = o.rule_id AND d.year = o.year AND d.village_code = o.village;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    DELETE FROM rule_result_digests d USING (SELECT DISTINCT rule_id, year, left(region_code, 12) AS village FROM new_rows) n
      WHERE d.rule_id = n.rule_id AND d.year = n.year AND d.village_code = n.village;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rule_results_digest_ins AFTER INSERT ON rule_results REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_results_forget_digests();
--> statement-breakpoint
CREATE TRIGGER rule_results_digest_upd AFTER UPDATE ON rule_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_results_forget_digests();
--> statement-breakpoint
CREATE TRIGGER rule_results_digest_del AFTER DELETE ON rule_results REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_results_forget_digests();
