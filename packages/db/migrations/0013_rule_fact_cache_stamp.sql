ALTER TABLE "rule_fact_cache" ADD COLUMN "stamp" bigserial NOT NULL;--> statement-breakpoint
-- Every update of a kept village (written back, made stale, overwritten) takes a new stamp from the column's own
-- sequence, whoever writes it: a server's parsed copy of the village's facts is used only while the stamp is unchanged.
CREATE FUNCTION rule_fact_cache_restamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.stamp := nextval(pg_get_serial_sequence('rule_fact_cache', 'stamp'));
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER rule_fact_cache_restamp BEFORE UPDATE ON rule_fact_cache FOR EACH ROW EXECUTE FUNCTION rule_fact_cache_restamp();
