-- Headquarters' copy of each fingerprint subject a post enrolled, by the post's own subject id: a replacement or a
-- withdrawal at the post names its subject so, and headquarters withdraws its copy.
CREATE TABLE national_subject (
    origin_node        VARCHAR(100)  NOT NULL,
    origin_subject_id  BIGINT        NOT NULL,
    subject_id         BIGINT        NOT NULL REFERENCES biometric_subject(id),
    PRIMARY KEY (origin_node, origin_subject_id)
);
-- The national store read by people: newest first, by kind and by post.
CREATE INDEX national_record_captured ON national_record(captured_at, origin_node, origin_seq);
