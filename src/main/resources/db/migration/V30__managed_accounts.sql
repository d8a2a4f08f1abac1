-- Accounts headquarters manages for a post (reference dataset "users"): managed_by names the headquarters node that
-- sent the account; NULL is an account made at this node, which headquarters' copies never touch.
ALTER TABLE user_account ADD COLUMN managed_by VARCHAR(100);
