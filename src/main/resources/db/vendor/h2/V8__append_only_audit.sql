-- The audit chain is append-only. The one delete allowed is archiving: entries covered by a recorded
-- audit_archive segment (see org.ibex.audit.ArchivedDeleteTrigger); checkpoints and archive records never change.
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry
    FOR EACH ROW CALL "org.ibex.audit.ArchivedDeleteTrigger";
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE, DELETE ON audit_checkpoint
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
CREATE TRIGGER audit_archive_append_only BEFORE UPDATE, DELETE ON audit_archive
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
