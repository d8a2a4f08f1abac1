-- Crossings and the access log are append-only: the database itself refuses to change or remove a row.
CREATE TRIGGER crossing_append_only BEFORE UPDATE, DELETE ON crossing
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
CREATE TRIGGER access_log_append_only BEFORE UPDATE, DELETE ON access_log
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
