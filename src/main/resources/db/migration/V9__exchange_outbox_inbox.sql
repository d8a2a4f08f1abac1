-- Store-and-forward between nodes. The outbox is written in the same transaction as the business change that
-- produced the message (transactional outbox), so a message is sent if and only if the change committed.
-- Delivery state lives here, not in memory, so a restarted sender carries on where it stopped.
CREATE TABLE exchange_outbox (
    envelope_id      VARCHAR(36)   PRIMARY KEY,
    recipient        VARCHAR(100)  NOT NULL,
    stream           VARCHAR(1000),
    sequence         BIGINT        NOT NULL,
    wire             BYTEA         NOT NULL,
    state            VARCHAR(10)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'REJECTED')),
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    receipt          BYTEA
);
CREATE INDEX exchange_outbox_due ON exchange_outbox(state, next_attempt_at);
CREATE INDEX exchange_outbox_stream ON exchange_outbox(recipient, stream, sequence);

-- The last sequence number given out per (recipient, stream); its row lock serialises concurrent enqueues.
CREATE TABLE exchange_stream (
    recipient      VARCHAR(100)   NOT NULL,
    stream         VARCHAR(1000)  NOT NULL,
    last_sequence  BIGINT         NOT NULL,
    PRIMARY KEY (recipient, stream)
);

-- What each peer last answered, for the operator's status view.
CREATE TABLE exchange_peer (
    node           VARCHAR(100)  PRIMARY KEY,
    last_contact   TIMESTAMP WITH TIME ZONE,
    last_error     VARCHAR(1000),
    last_error_at  TIMESTAMP WITH TIME ZONE
);

-- Verified envelopes, stored once by id: a duplicate gets the stored receipt back and is not processed again.
CREATE TABLE exchange_inbox (
    envelope_id   VARCHAR(36)    PRIMARY KEY,
    sender        VARCHAR(100)   NOT NULL,
    type          VARCHAR(100)   NOT NULL,
    stream        VARCHAR(1000),
    sequence      BIGINT         NOT NULL,
    wire          BYTEA          NOT NULL,
    receipt       BYTEA          NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at  TIMESTAMP WITH TIME ZONE,
    outcome       VARCHAR(1000)
);
CREATE INDEX exchange_inbox_pending ON exchange_inbox(processed_at, sender, stream, sequence);
