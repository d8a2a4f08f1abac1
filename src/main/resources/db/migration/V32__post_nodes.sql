-- Which node serves a border post, as headquarters' admin says: the accounts of the post go to that node before it
-- ever reported, and records of the post from any other node are refused. A post with no row here belongs to the
-- node whose records named it first (national_record), as before.
CREATE TABLE post_node (
    post_id      VARCHAR(40)   PRIMARY KEY REFERENCES post(id),
    node_id      VARCHAR(100)  NOT NULL,
    assigned_by  VARCHAR(80)   NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
