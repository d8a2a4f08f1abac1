-- A probe's templates and its explicit enrolment are evidence of the identification: append-only like it.
CREATE TRIGGER identification_probe_append_only BEFORE UPDATE OR DELETE ON identification_probe
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER identification_enrolment_append_only BEFORE UPDATE OR DELETE ON identification_enrolment
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
