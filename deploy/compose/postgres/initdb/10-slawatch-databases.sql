-- One database per slawatch service, each owned by its own login role, so that no service can read or
-- write another's tables. The postgres image runs the files in /docker-entrypoint-initdb.d only when the
-- data volume is empty (`docker compose down -v` starts again), with psql -v ON_ERROR_STOP=1 as
-- POSTGRES_USER. Passwords come from the container's environment (docker-compose.yml); an unset one
-- leaves its psql variable undefined, which fails the script rather than creating a role without one.
-- PostgreSQL 15: the owner of a database owns its public schema, so each role can run its migrations.

\getenv intake_password SLAWATCH_INTAKE_DB_PASSWORD
\getenv timer_password SLAWATCH_TIMER_DB_PASSWORD
\getenv notifier_password SLAWATCH_NOTIFIER_DB_PASSWORD

CREATE ROLE slawatch_intake LOGIN PASSWORD :'intake_password';
CREATE DATABASE slawatch_intake OWNER slawatch_intake;
REVOKE ALL ON DATABASE slawatch_intake FROM PUBLIC;

CREATE ROLE slawatch_timer LOGIN PASSWORD :'timer_password';
CREATE DATABASE slawatch_timer OWNER slawatch_timer;
REVOKE ALL ON DATABASE slawatch_timer FROM PUBLIC;

CREATE ROLE slawatch_notifier LOGIN PASSWORD :'notifier_password';
CREATE DATABASE slawatch_notifier OWNER slawatch_notifier;
REVOKE ALL ON DATABASE slawatch_notifier FROM PUBLIC;
