-- The post's journal of records that headquarters must hold: crossings, hits, dispositions, enrolments and
-- identifications, each appended in the transaction of the business change that made it. The sequence is gap-free
-- and given under the head row's lock, so headquarters can take a post's records in order and exactly once by
-- (origin node, sequence).
CREATE TABLE record_journal (
    seq          BIGINT       PRIMARY KEY,
    kind         VARCHAR(40)  NOT NULL,
    post_id      VARCHAR(40),
    captured_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    payload      BYTEA        NOT NULL
);

CREATE TABLE record_journal_head (
    id        INT     PRIMARY KEY,
    last_seq  BIGINT  NOT NULL
);
INSERT INTO record_journal_head (id, last_seq) VALUES (1, 0);

-- How far each receiver (headquarters) has been handed the journal: records up to here are in the outbox.
CREATE TABLE record_shipment (
    target         VARCHAR(100)  PRIMARY KEY,
    shipped_up_to  BIGINT        NOT NULL,
    shipped_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Headquarters' national store: every record of every post, once, with its origin and local capture time.
CREATE TABLE national_record (
    origin_node  VARCHAR(100)  NOT NULL,
    origin_seq   BIGINT        NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    post_id      VARCHAR(40),
    captured_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    envelope_id  VARCHAR(36)   NOT NULL,
    payload      BYTEA         NOT NULL,
    outcome      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (origin_node, origin_seq)
);
CREATE INDEX national_record_kind ON national_record(kind, captured_at);

-- What each post last told headquarters about itself: its journal head and what was still waiting to leave.
CREATE TABLE national_post_contact (
    origin_node       VARCHAR(100)  PRIMARY KEY,
    last_batch_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq          BIGINT        NOT NULL,
    journal_head      BIGINT        NOT NULL,
    oldest_waiting_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX national_record_post ON national_record(post_id, origin_node);
