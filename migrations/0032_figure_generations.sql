-- A number per region that moves with every committed change to the data its figures are computed from
-- (the dashboard, the OPD league table, the national roll-up), and one for everybody ('*') that moves
-- when a shared framework changes or a table is truncated. Readers keep computed figures with the
-- numbers they read first; a figure is served again only while both are unchanged. The bump is part of
-- the writing transaction, so a reader never sees the data without the number, or the number without
-- the data.
--
-- Like the survey tallies, each number is kept on eight shards (the writer's backend picks one), so
-- citizens' answers and complaints arriving together do not queue on one row; a region's number is
-- the sum of its shards, which grows with every bump.
CREATE TABLE "figure_generations" (
  "region_code" text NOT NULL,
  "shard" smallint NOT NULL,
  "generation" bigint NOT NULL,
  PRIMARY KEY ("region_code", "shard")
);
--> statement-breakpoint
-- Statement-level, over the statement's changed rows: an import of a thousand innovations bumps once.
-- TG_ARGV[0] says how a changed row names its region when it has no region_code of its own.
CREATE OR REPLACE FUNCTION figure_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO figure_generations AS g (region_code, shard, generation)
       SELECT DISTINCT r, pg_backend_pid() %% 8, 1 FROM (SELECT %s AS r FROM changed_rows c) x WHERE r IS NOT NULL ORDER BY 1
     ON CONFLICT (region_code, shard) DO UPDATE SET generation = g.generation + 1',
    coalesce(TG_ARGV[0], 'c.region_code'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION figure_generation_bump_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figure_generations AS g (region_code, shard, generation) VALUES ('*', pg_backend_pid() % 8, 1)
    ON CONFLICT (region_code, shard) DO UPDATE SET generation = g.generation + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every table the figures read. The tables left out hold no figure's input (sessions, the audit log,
-- notifications, mail, receipts, tokens, competitions and their votes, councils, events, the RPJMD);
-- a test names them, so a new table has to be put on one side or the other.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT * FROM (VALUES
      ('assessment_evaluations', NULL),
      ('assessment_items', NULL),
      ('assessments', NULL),
      ('attachments', NULL),
      ('complaints', NULL),
      ('complaint_categories', NULL),
      ('complaint_events', '(SELECT p.region_code FROM complaints p WHERE p.id = c.complaint_id)'),
      ('framework_versions', 'coalesce(c.region_code, ''*'')'),
      ('iid_answers', NULL),
      ('iid_national_innovation_results', NULL),
      ('iid_national_results', NULL),
      ('iid_spd_figures', NULL),
      ('innovation_events', NULL),
      ('innovations', NULL),
      ('league_weights', NULL),
      ('national_evaluation_items', NULL),
      ('national_evaluations', NULL),
      ('national_publications', NULL),
      ('periods', NULL),
      ('regions', 'c.code'),
      ('services', NULL),
      ('applications', NULL),
      ('application_services', '(SELECT p.region_code FROM applications p WHERE p.id = c.application_id)'),
      ('skm_periods', NULL),
      ('skm_responses', NULL),
      ('skm_follow_ups', NULL),
      ('skm_tallies', '(SELECT p.region_code FROM services p WHERE p.id = c.service_id)'),
      ('skm_period_services', '(SELECT p.region_code FROM services p WHERE p.id = c.service_id)'),
      ('smartcity_dimensions', NULL),
      ('smartcity_elements', NULL),
      ('smartcity_masterplans', NULL),
      ('smartcity_programmes', NULL),
      ('smartcity_programme_innovations', NULL),
      ('smartcity_progress_reports', NULL),
      ('smartcity_programme_units', '(SELECT p.region_code FROM smartcity_programmes p WHERE p.id = c.programme_id)'),
      ('smartcity_funding', '(SELECT p.region_code FROM smartcity_programmes p WHERE p.id = c.programme_id)'),
      ('smartcity_outputs', '(SELECT p.region_code FROM smartcity_programmes p WHERE p.id = c.programme_id)'),
      ('smartcity_output_targets', '(SELECT p.region_code FROM smartcity_outputs o JOIN smartcity_programmes p ON p.id = o.programme_id WHERE o.id = c.output_id)'),
      ('smartcity_progress_figures', '(SELECT p.region_code FROM smartcity_progress_reports p WHERE p.id = c.report_id)'),
      ('action_plan_tasks', NULL),
      ('units', NULL),
      ('users', NULL)
    ) AS v(name, expr)
  LOOP
    EXECUTE format('CREATE TRIGGER figure_generation_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_generation_bump(%s)',
      t.name, coalesce(quote_literal(t.expr), ''));
    EXECUTE format('CREATE TRIGGER figure_generation_upd AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_generation_bump(%s)',
      t.name, coalesce(quote_literal(t.expr), ''));
    EXECUTE format('CREATE TRIGGER figure_generation_del AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_generation_bump(%s)',
      t.name, coalesce(quote_literal(t.expr), ''));
    EXECUTE format('CREATE TRIGGER figure_generation_trunc AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION figure_generation_bump_all()', t.name);
  END LOOP;
END $$;
