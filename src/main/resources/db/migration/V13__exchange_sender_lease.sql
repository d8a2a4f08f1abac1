-- Which process sends this database's outbox. On PostgreSQL a standby node may run beside the active one on the
-- same database; both would send every row (the receiver keeps one, but twice the traffic and audit). The holder
-- renews its lease; the others send nothing until it lapses or is given back. Times are the database's own, so
-- the clocks of the machines that share it do not matter. One row, made here, so taking the lease is an UPDATE.
CREATE TABLE exchange_lease (
    name        VARCHAR(50)   PRIMARY KEY,
    holder      VARCHAR(300)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO exchange_lease (name, holder, expires_at) VALUES ('sender', '', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
