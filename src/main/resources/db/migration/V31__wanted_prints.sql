-- Fingerprints of wanted persons. wanted_print: a subject of this node's gallery flagged as wanted, with the reason an
-- officer reads at the gate; a lifted flag stays as evidence (who, when, why) and is flagged again in place.
CREATE TABLE wanted_print (
    subject_id   BIGINT        PRIMARY KEY REFERENCES biometric_subject(id),
    reason       VARCHAR(500)  NOT NULL,
    flagged_by   VARCHAR(80)   NOT NULL,
    flagged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_by    VARCHAR(80),
    lifted_at    TIMESTAMP WITH TIME ZONE,
    lift_reason  VARCHAR(500)
);

-- A post's copy of the wanted prints its headquarters publishes (where headquarters is configured to), replaced whole
-- with each snapshot: the reference is headquarters' own, the templates are not in the post's gallery.
CREATE TABLE wanted_print_copy (
    reference    VARCHAR(80)   PRIMARY KEY,
    name         VARCHAR(420)  NOT NULL,
    reason       VARCHAR(500)  NOT NULL,
    flagged_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE wanted_print_copy_finger (
    reference    VARCHAR(80)   NOT NULL REFERENCES wanted_print_copy(reference),
    position     INT           NOT NULL,
    template     BYTEA         NOT NULL,
    PRIMARY KEY (reference, position)
);
