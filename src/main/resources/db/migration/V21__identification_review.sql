-- What the officer concluded from a 1:N search (issue 14, undocumented arrival): the candidate confirmed as the
-- same person, or no match, with who, when and a note. Once per identification (the key); evidence, append-only.
CREATE TABLE identification_review (
    identification_id BIGINT  PRIMARY KEY REFERENCES identification(id),
    subject_id   BIGINT       REFERENCES biometric_subject(id),
    person_id    BIGINT,
    note         VARCHAR(500),
    reviewed_by  VARCHAR(80)  NOT NULL,
    reviewed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
