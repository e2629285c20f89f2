-- Grafana's login for the compliance dashboard: it may connect to sla-timer's database and read one
-- table, clock_outcome, nothing else (no other table, no writes). Runs after 10-slawatch-databases.sql,
-- as POSTGRES_USER, only when the data volume is empty (see that file).
--
-- clock_outcome does not exist yet at this point: sla-timer's Flyway migration V6 creates it, owned by
-- slawatch_timer, when the service first starts. An event trigger in slawatch_timer grants the SELECT
-- as that CREATE TABLE completes (in the migration's own transaction, as its owner), so the grant
-- follows the table even if it is dropped and created again.

\getenv grafana_password SLAWATCH_GRAFANA_DB_PASSWORD

CREATE ROLE slawatch_grafana LOGIN PASSWORD :'grafana_password';
-- Grafana runs whatever SQL a dashboard editor types: read-only and bounded even on the granted table.
ALTER ROLE slawatch_grafana SET default_transaction_read_only = on;
ALTER ROLE slawatch_grafana SET statement_timeout = '30s';
GRANT CONNECT ON DATABASE slawatch_timer TO slawatch_grafana;

\connect slawatch_timer

-- Its own schema, owned by postgres: sla-timer's Flyway refuses to migrate a public schema that holds
-- objects it did not create, and slawatch_timer must not be able to change what the trigger runs.
CREATE SCHEMA slawatch_grants;

CREATE FUNCTION slawatch_grants.grant_clock_outcome_to_grafana() RETURNS event_trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
BEGIN
    IF EXISTS (SELECT FROM pg_event_trigger_ddl_commands()
               WHERE command_tag = 'CREATE TABLE' AND object_identity = 'public.clock_outcome') THEN
        GRANT SELECT ON TABLE public.clock_outcome TO slawatch_grafana;
    END IF;
END
$$;

CREATE EVENT TRIGGER grafana_reads_clock_outcome ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE')
    EXECUTE FUNCTION slawatch_grants.grant_clock_outcome_to_grafana();
