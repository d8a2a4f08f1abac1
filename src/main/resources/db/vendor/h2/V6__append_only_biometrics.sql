-- Verifications and identifications are evidence: append-only like crossings.
CREATE TRIGGER finger_verification_append_only BEFORE UPDATE, DELETE ON finger_verification
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
CREATE TRIGGER identification_append_only BEFORE UPDATE, DELETE ON identification
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
