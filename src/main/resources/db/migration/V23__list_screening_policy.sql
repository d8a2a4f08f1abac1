-- Each list's screening settings beside its threshold: what it does with namesakes (SHOW: returned, flagged,
-- not alerting; ALERT; HIDE) and the share of ordinary travellers its threshold was calibrated for (null: set by hand).
ALTER TABLE watchlist ADD COLUMN namesake_policy VARCHAR(10) DEFAULT 'SHOW' NOT NULL;
ALTER TABLE watchlist ADD COLUMN target_alert_rate DOUBLE PRECISION;
