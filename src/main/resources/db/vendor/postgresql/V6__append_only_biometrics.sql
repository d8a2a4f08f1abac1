-- Verifications and identifications are evidence: append-only like crossings.
CREATE TRIGGER finger_verification_append_only BEFORE UPDATE OR DELETE ON finger_verification
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER identification_append_only BEFORE UPDATE OR DELETE ON identification
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
