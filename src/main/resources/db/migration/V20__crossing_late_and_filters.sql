-- A crossing recorded outside the clock skew the node allows is marked late, with the supervisor's reason;
-- a crossing that came in by import is marked imported. Rows stored before this migration read as neither.
ALTER TABLE crossing ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE crossing ADD COLUMN late_reason VARCHAR(500);
ALTER TABLE crossing ADD COLUMN imported BOOLEAN DEFAULT FALSE NOT NULL;

-- The list of crossings pages newest first by id and filters by decision; hits are found by crossing already.
CREATE INDEX crossing_decision ON crossing(decision, id);
CREATE INDEX crossing_post_id ON crossing(post_id, id);
