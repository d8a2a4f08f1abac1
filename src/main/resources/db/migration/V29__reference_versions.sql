-- The versions headquarters gives its small reference datasets (stay rules): the version moves when the digest of
-- the content does, so posts get a new snapshot only when something changed. Watchlists have versions of their own.
CREATE TABLE reference_version (
    dataset     VARCHAR(200)  PRIMARY KEY,
    version     BIGINT        NOT NULL,
    digest      VARCHAR(64)   NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
