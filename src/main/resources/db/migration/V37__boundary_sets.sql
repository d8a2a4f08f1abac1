-- Admin-area boundaries an analyst imported for the dashboard's maps (issue 19). The shipped Utopia outline lives in
-- the jar, not here. The GeoJSON is stored as the node rewrote it after checking (pcode, name, geometry only).
CREATE TABLE boundary_set (
    name          VARCHAR(64)   PRIMARY KEY,
    features      INT           NOT NULL,
    points        INT           NOT NULL,
    geojson       BYTEA         NOT NULL,
    imported_by   VARCHAR(80)   NOT NULL,
    imported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The areas of each set, so statistics by p-code can be joined to a set without reading its shapes.
CREATE TABLE boundary_area (
    set_name      VARCHAR(64)   NOT NULL REFERENCES boundary_set(name),
    pcode         VARCHAR(32)   NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    position      INT           NOT NULL,
    PRIMARY KEY (set_name, pcode)
);
