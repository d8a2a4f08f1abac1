-- An identification's review is evidence like the identification itself: append-only.
CREATE TRIGGER identification_review_append_only BEFORE UPDATE, DELETE ON identification_review
    FOR EACH ROW CALL "org.ibex.store.AppendOnlyTrigger";
