-- International identity confirmation (issue 18): a hit/no-hit probe to a partner state, the responder's search and
-- its signed deletion receipt, and the release of data by a hit's opaque reference.

-- A received envelope whose content must not outlive its processing (a partner's probe) is erased: its wire is
-- emptied, and its digest kept, so that a retry of the same envelope is still recognised as a duplicate.
ALTER TABLE exchange_inbox ADD COLUMN wire_sha256 VARCHAR(64);
ALTER TABLE exchange_inbox ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- People this state protects (refugees and others): never reported as a hit to a partner whose rule excludes them.
CREATE TABLE person_protection (
    person_id     BIGINT        PRIMARY KEY REFERENCES person(id),
    reason        VARCHAR(400)  NOT NULL,
    recorded_by   VARCHAR(80)   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Requester: each probe sent to a partner, and what came back. The probe's own templates are not kept here (the
-- national identification it came from holds them); only their digest, which the deletion receipt names.
CREATE TABLE partner_probe (
    id                 VARCHAR(36)   PRIMARY KEY,
    request_uid        VARCHAR(100),
    asked_by           VARCHAR(80)   NOT NULL,
    post_id            VARCHAR(20),
    partner            VARCHAR(100)  NOT NULL,
    agreement          VARCHAR(120)  NOT NULL,
    purpose            VARCHAR(60)   NOT NULL,
    query_type         VARCHAR(30)   NOT NULL,
    identification_id  BIGINT,
    case_ref           VARCHAR(200),
    probe_sha256       VARCHAR(64)   NOT NULL,
    fingers            INT           NOT NULL,
    document           VARCHAR(60),
    state              VARCHAR(20)   NOT NULL,
    outcome            VARCHAR(10),
    reference          VARCHAR(100),
    reference_expires  TIMESTAMP WITH TIME ZONE,
    receipt            VARCHAR(20000),
    receipt_valid      BOOLEAN,
    refusal            VARCHAR(500),
    asked_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at        TIMESTAMP WITH TIME ZONE,
    UNIQUE (asked_by, request_uid)
);
CREATE INDEX partner_probe_asked ON partner_probe(asked_at);
CREATE INDEX partner_probe_identification ON partner_probe(identification_id);

-- Responder: every probe ever received (for the oversight body), with its receipt, never its templates.
CREATE TABLE partner_search (
    id            VARCHAR(36)   PRIMARY KEY,
    requester     VARCHAR(100)  NOT NULL,
    agreement     VARCHAR(120),
    purpose       VARCHAR(60),
    query_type    VARCHAR(30),
    probe_sha256  VARCHAR(64)   NOT NULL,
    fingers       INT           NOT NULL,
    outcome       VARCHAR(10),
    excluded      VARCHAR(30),
    refusal       VARCHAR(500),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    searched_at   TIMESTAMP WITH TIME ZONE,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    receipt       VARCHAR(20000)
);
CREATE INDEX partner_search_received ON partner_search(received_at);

-- Responder: a hit's opaque reference, by its digest (the reference itself is only ever known to the requester).
CREATE TABLE partner_reference (
    reference_sha256  VARCHAR(64)   PRIMARY KEY,
    search_id         VARCHAR(36)   NOT NULL REFERENCES partner_search(id),
    requester         VARCHAR(100)  NOT NULL,
    agreement         VARCHAR(120)  NOT NULL,
    person_id         BIGINT,
    document          VARCHAR(60),
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Requester: a release asked for by reference, and what came back; the data is deleted when its retention ends.
CREATE TABLE partner_release (
    id                   VARCHAR(36)   PRIMARY KEY,
    request_uid          VARCHAR(100),
    probe_id             VARCHAR(36)   NOT NULL REFERENCES partner_probe(id),
    partner              VARCHAR(100)  NOT NULL,
    agreement            VARCHAR(120)  NOT NULL,
    case_ref             VARCHAR(200)  NOT NULL,
    query_type           VARCHAR(30)   NOT NULL,
    purpose              VARCHAR(60)   NOT NULL,
    categories           VARCHAR(200)  NOT NULL,
    person_id            BIGINT,
    state                VARCHAR(20)   NOT NULL,
    released_categories  VARCHAR(200),
    data                 VARCHAR(100000),
    reason               VARCHAR(500),
    retain_until         TIMESTAMP WITH TIME ZONE,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    asked_by             VARCHAR(80)   NOT NULL,
    asked_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at          TIMESTAMP WITH TIME ZONE,
    UNIQUE (asked_by, request_uid)
);
CREATE INDEX partner_release_retention ON partner_release(retain_until);

-- Responder: each release asked of this state, and the decision (automatic, or a person's, in full or in part).
CREATE TABLE partner_disclosure (
    id                   VARCHAR(36)   PRIMARY KEY,
    requester            VARCHAR(100)  NOT NULL,
    reference_sha256     VARCHAR(64),
    search_id            VARCHAR(36),
    person_id            BIGINT,
    agreement            VARCHAR(120),
    case_ref             VARCHAR(200),
    query_type           VARCHAR(30)   NOT NULL,
    purpose              VARCHAR(60),
    categories           VARCHAR(200),
    state                VARCHAR(20)   NOT NULL,
    released_categories  VARCHAR(200),
    reason               VARCHAR(500),
    decided_by           VARCHAR(80),
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX partner_disclosure_state ON partner_disclosure(state, received_at);
