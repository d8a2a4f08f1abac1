-- An identification's review is evidence like the identification itself: append-only.
CREATE TRIGGER identification_review_append_only BEFORE UPDATE OR DELETE ON identification_review
    FOR EACH ROW EXECUTE FUNCTION ibex_refuse_change();
