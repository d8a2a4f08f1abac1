-- List versions and clearances are the record of who changed what: append-only like crossings.
CREATE TRIGGER watchlist_version_append_only BEFORE UPDATE OR DELETE ON watchlist_version
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER hit_clearance_append_only BEFORE UPDATE OR DELETE ON hit_clearance
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER hit_clearance_revocation_append_only BEFORE UPDATE OR DELETE ON hit_clearance_revocation
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER hit_suppression_append_only BEFORE UPDATE OR DELETE ON hit_suppression
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
