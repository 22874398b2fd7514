DROP INDEX "subsidy_payments_startup_uq";--> statement-breakpoint
CREATE INDEX "persons_employer_idx" ON "persons" USING btree ("employer_entity_id") WHERE "persons"."employer_entity_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_payments_startup_household_uq" ON "subsidy_payments" USING btree ("household_id") WHERE "subsidy_payments"."kind" = 'startup';--> statement-breakpoint
CREATE INDEX "subsidy_payments_person_idx" ON "subsidy_payments" USING btree ("person_id","year");--> statement-breakpoint
-- H2 and H3 read a project's type and stage (产业发展, funded or later): a project change re-judges its coverage too
DROP TRIGGER projects_rule_dirty_ins ON projects;
--> statement-breakpoint
DROP TRIGGER projects_rule_dirty_upd ON projects;
--> statement-breakpoint
DROP TRIGGER projects_rule_dirty_del ON projects;
--> statement-breakpoint
CREATE TRIGGER projects_rule_dirty_ins AFTER INSERT ON projects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty('project', 'fund', 'coverage');
--> statement-breakpoint
CREATE TRIGGER projects_rule_dirty_upd AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty('project', 'fund', 'coverage');
--> statement-breakpoint
CREATE TRIGGER projects_rule_dirty_del AFTER DELETE ON projects REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_mark_dirty('project', 'fund', 'coverage');
