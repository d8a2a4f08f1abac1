-- Screening hits and their dispositions are evidence: append-only like crossings.
CREATE TRIGGER screening_hit_append_only BEFORE UPDATE, DELETE ON screening_hit
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
CREATE TRIGGER hit_disposition_append_only BEFORE UPDATE, DELETE ON hit_disposition
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
