-- A project or a training is seated in one region, but what it means for the rules is judged where its households and
-- persons live: a project's beneficiaries (H2, H3: a funded 产业发展 project counts for its beneficiary households) and a
-- training's participants (H4, H7) may live in other villages. A change of the project (type, stage) or of the training
-- (dates, completion) marks those villages too, not only the region of the project or training itself.
CREATE FUNCTION rule_mark_dirty_beneficiaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rule_dirty (kind, region_code)
    SELECT DISTINCT k, left(b.region_code, 12)
    FROM project_beneficiaries b CROSS JOIN unnest(TG_ARGV) AS k
    WHERE b.project_id IN (SELECT n.id FROM new_rows n);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER projects_beneficiaries_dirty_upd AFTER UPDATE ON projects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty_beneficiaries('household', 'coverage');
--> statement-breakpoint
CREATE FUNCTION rule_mark_dirty_participants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rule_dirty (kind, region_code)
    SELECT DISTINCT k, left(p.region_code, 12)
    FROM training_participants p CROSS JOIN unnest(TG_ARGV) AS k
    WHERE p.training_id IN (SELECT n.id FROM new_rows n);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER trainings_participants_dirty_upd AFTER UPDATE ON trainings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty_participants('worker', 'coverage');
