-- A batch receipt acknowledges every envelope of its batch. It is stored once here, under the SHA-256 of its wire
-- form (lower-case hex), and each row names it: a copy in every row cost 200 copies of a 25 KB receipt per batch on
-- each side, rewritten whenever the row changed. Rows written before keep their copy in the old column.
CREATE TABLE exchange_receipt (
    digest     VARCHAR(64)  PRIMARY KEY,
    wire       BYTEA        NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE exchange_outbox ADD COLUMN receipt_digest VARCHAR(64);
ALTER TABLE exchange_inbox ADD COLUMN receipt_digest VARCHAR(64);
ALTER TABLE exchange_inbox ALTER COLUMN receipt DROP NOT NULL;
