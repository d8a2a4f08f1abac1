-- Reference data headquarters publishes to its posts (watchlists, lost and stolen documents, stay rules, users and
-- roles, templates of wanted persons). A post keeps one row per dataset: the version it holds, when headquarters
-- issued it, when it arrived and until when it may be trusted. Headquarters keeps what it last sent each post.
CREATE TABLE reference_copy (
    dataset      VARCHAR(200)  PRIMARY KEY,
    kind         VARCHAR(40)   NOT NULL,
    version      BIGINT        NOT NULL,
    publisher    VARCHAR(100)  NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    items        BIGINT        NOT NULL
);

CREATE TABLE reference_publication (
    dataset       VARCHAR(200)  NOT NULL,
    post          VARCHAR(100)  NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    version       BIGINT        NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    envelope_id   VARCHAR(36)   NOT NULL,
    PRIMARY KEY (dataset, post)
);
