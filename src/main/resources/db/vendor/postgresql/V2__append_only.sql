-- Crossings and the access log are append-only: the database itself refuses to change or remove a row,
-- so a bug or a stolen application credential cannot rewrite history. Corrections are new rows.
CREATE FUNCTION ibex_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER crossing_append_only BEFORE UPDATE OR DELETE ON crossing
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
