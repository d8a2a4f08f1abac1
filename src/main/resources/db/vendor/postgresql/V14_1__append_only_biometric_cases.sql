-- Cases are evidence; enrolments are withdrawn, never deleted.
CREATE TRIGGER biometric_case_append_only BEFORE UPDATE OR DELETE ON biometric_case
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER biometric_subject_no_delete BEFORE DELETE ON biometric_subject
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
CREATE TRIGGER finger_template_no_delete BEFORE DELETE ON finger_template
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
