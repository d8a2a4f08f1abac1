-- Screening hits and their dispositions are evidence: append-only like crossings.
CREATE TRIGGER screening_hit_append_only BEFORE UPDATE OR DELETE ON screening_hit
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER hit_disposition_append_only BEFORE UPDATE OR DELETE ON hit_disposition
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
