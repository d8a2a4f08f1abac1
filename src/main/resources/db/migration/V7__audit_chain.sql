-- The tamper-evident audit log: one hash chain of everything the node must be able to prove later.
-- Each entry's hash covers its own fields and the previous entry's hash (see org.ibex.audit.ChainDigest for
-- the exact encoding), so changing, removing or reordering a row breaks the chain where it happened.
-- seq is assigned by the application, in order, under the lock on audit_head; no identity column, because a
-- sequence may skip numbers on rollback and a gap must mean a removed row.

CREATE TABLE audit_entry (
    seq        BIGINT        PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    kind       VARCHAR(40)   NOT NULL,
    actor      VARCHAR(200),
    subject    VARCHAR(200),
    detail     VARCHAR(4000),
    prev_hash  CHAR(64)      NOT NULL,
    hash       CHAR(64)      NOT NULL
);
CREATE INDEX audit_entry_at ON audit_entry(at);

-- One row: the last appended entry. Appends lock it (SELECT ... FOR UPDATE), which serialises them and
-- records how long the chain is, so a truncated tail shows.
CREATE TABLE audit_head (
    id    INT      PRIMARY KEY CHECK (id = 1),
    seq   BIGINT   NOT NULL,
    hash  CHAR(64) NOT NULL
);
INSERT INTO audit_head(id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- A signed statement "the chain had this hash at this seq": what peers will exchange as proof of history.
CREATE TABLE audit_checkpoint (
    seq         BIGINT        NOT NULL,
    hash        CHAR(64)      NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    signer      VARCHAR(100)  NOT NULL,
    public_key  VARCHAR(400)  NOT NULL,
    signature   VARCHAR(400)  NOT NULL,
    PRIMARY KEY (seq, signer)
);

-- Segments moved to archive files by `ibex audit archive`: entries up to last_seq may be deleted, nothing else.
CREATE TABLE audit_archive (
    first_seq    BIGINT        PRIMARY KEY,
    last_seq     BIGINT        NOT NULL,
    prev_hash    CHAR(64)      NOT NULL,
    last_hash    CHAR(64)      NOT NULL,
    file         VARCHAR(300)  NOT NULL,
    archived_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
