-- List versions and clearances are the record of who changed what: append-only like crossings.
CREATE TRIGGER watchlist_version_append_only BEFORE UPDATE, DELETE ON watchlist_version
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
CREATE TRIGGER hit_clearance_append_only BEFORE UPDATE, DELETE ON hit_clearance
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
CREATE TRIGGER hit_clearance_revocation_append_only BEFORE UPDATE, DELETE ON hit_clearance_revocation
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
CREATE TRIGGER hit_suppression_append_only BEFORE UPDATE, DELETE ON hit_suppression
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
