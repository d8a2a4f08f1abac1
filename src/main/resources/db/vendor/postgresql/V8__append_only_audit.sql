-- The audit chain is append-only. The one delete allowed is archiving: entries covered by a recorded
-- audit_archive segment (`ibex audit archive` records the segment, then deletes); checkpoints and archive
-- records never change.
CREATE FUNCTION ibex_audit_delete_archived_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.seq <= (SELECT COALESCE(MAX(last_seq), 0) FROM audit_archive) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'table % is append-only: % refused (entries leave only through ibex audit archive)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION ibex_audit_delete_archived_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER audit_archive_append_only BEFORE UPDATE OR DELETE ON audit_archive
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
