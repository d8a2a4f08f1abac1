-- Two messages of one ordered stream must never share a number: the receiver would process only one of them.
-- The sequence counter in exchange_stream should prevent it; this index makes a failure of that counter an error
-- at enqueue time (the business transaction rolls back) instead of a silently lost message. Unordered messages
-- have no stream (NULL), and NULLs never collide in a unique index.
DROP INDEX exchange_outbox_stream;
CREATE UNIQUE INDEX exchange_outbox_stream_sequence ON exchange_outbox(recipient, stream, sequence);
