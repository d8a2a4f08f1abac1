-- A 1:N search never enrols (issue 13): the probe's templates are kept with the identification, out of the
-- gallery, so that enrolling the unknown person later is an explicit act with its own reason, who and when.
CREATE TABLE identification_probe (
    identification_id BIGINT  NOT NULL REFERENCES identification(id),
    position     INT          NOT NULL,
    template     BYTEA        NOT NULL,
    quality      INT,
    minutiae     INT          NOT NULL,
    PRIMARY KEY (identification_id, position)
);

ALTER TABLE identification ALTER COLUMN probe_subject_id DROP NOT NULL;
ALTER TABLE identification ADD COLUMN label VARCHAR(200);

-- The explicit enrolment of an identification's probe: once per identification (the key), with who, when and
-- why, and the subject it became. Evidence like the identification itself: append-only.
CREATE TABLE identification_enrolment (
    identification_id BIGINT  PRIMARY KEY REFERENCES identification(id),
    subject_id   BIGINT       NOT NULL REFERENCES biometric_subject(id),
    enrolled_by  VARCHAR(80)  NOT NULL,
    enrolled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(500) NOT NULL
);

-- Searches made before this version enrolled their probes as unknown subjects. Their templates are copied to
-- the identification (identifications are append-only, so their label is read from the old subject), and the
-- subjects are withdrawn (the rows stay as evidence), so an old probe no longer
-- answers a later search; any of them can still be enrolled, explicitly, with a reason.
INSERT INTO identification_probe(identification_id, position, template, quality, minutiae)
    SELECT i.id, t.position, t.template, t.quality, t.minutiae
    FROM identification i JOIN finger_template t ON t.subject_id = i.probe_subject_id;
UPDATE biometric_subject SET withdrawn_at = CURRENT_TIMESTAMP, withdrawn_by = 'migration V18',
    withdrawal_reason = 'a 1:N probe enrolled by the search itself; a search no longer enrols'
    WHERE person_id IS NULL AND withdrawn_at IS NULL
      AND id IN (SELECT probe_subject_id FROM identification WHERE probe_subject_id IS NOT NULL);
