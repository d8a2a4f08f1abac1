-- A probe's templates and its explicit enrolment are evidence of the identification: append-only like it.
CREATE TRIGGER identification_probe_append_only BEFORE UPDATE, DELETE ON identification_probe
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
CREATE TRIGGER identification_enrolment_append_only BEFORE UPDATE, DELETE ON identification_enrolment
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
