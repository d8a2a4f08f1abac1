-- Accounts (issue 12, findings 5, 6 and 8). Portable SQL: H2 2.x and PostgreSQL 13+.
-- username_key is the lower-cased name, unique, so "Admin" and "admin" are one account; the application
-- fills it (usernames are ASCII, so Java's and SQL's lower case agree). A node holding two names that differ
-- only in case stops here with a unique-constraint error: rename one of them first.
ALTER TABLE user_account ADD COLUMN username_key VARCHAR(80);
UPDATE user_account SET username_key = LOWER(username);
ALTER TABLE user_account ALTER COLUMN username_key SET NOT NULL;
ALTER TABLE user_account ADD CONSTRAINT user_account_username_key UNIQUE (username_key);

-- A one-time password given by an admin must be replaced at the first login.
ALTER TABLE user_account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
-- When the password was last set: a one-time password expires a few days after it was issued.
ALTER TABLE user_account ADD COLUMN password_set_at TIMESTAMP WITH TIME ZONE;
UPDATE user_account SET password_set_at = created_at;
ALTER TABLE user_account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
-- Consecutive failed logins, for the growing delay; kept here so it survives a restart and `ibex user unlock` works.
ALTER TABLE user_account ADD COLUMN failed_logins INT DEFAULT 0 NOT NULL;
ALTER TABLE user_account ADD COLUMN last_failed_login TIMESTAMP WITH TIME ZONE;
-- Raised by every change of role, post, password or state: sessions opened under an older value end.
ALTER TABLE user_account ADD COLUMN session_epoch INT DEFAULT 0 NOT NULL;
