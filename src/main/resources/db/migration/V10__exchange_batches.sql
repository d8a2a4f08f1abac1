-- The sender reads pending rows per stream in order, and stream heads by grouping pending rows.
CREATE INDEX exchange_outbox_pending ON exchange_outbox(state, recipient, stream, sequence);

-- How far each (sender, stream) has been processed: the processor hands over sequence last_processed + 1 next.
-- Kept beside the inbox so that a large backlog costs one lookup per stream, not one scan per message.
CREATE TABLE exchange_inbox_stream (
    sender          VARCHAR(100)   NOT NULL,
    stream          VARCHAR(1000)  NOT NULL,
    last_processed  BIGINT         NOT NULL,
    PRIMARY KEY (sender, stream)
);

-- Audit checkpoints that peers sent us: each side keeps the other's signed chain heads, so neither can rewrite
-- its history alone without the other's copy showing it.
CREATE TABLE exchange_witnessed_checkpoint (
    node          VARCHAR(100)   NOT NULL,
    seq           BIGINT         NOT NULL,
    head_digest   VARCHAR(100)   NOT NULL,
    checkpoint    VARCHAR(8000)  NOT NULL,
    envelope_id   VARCHAR(36)    NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (node, seq)
);
