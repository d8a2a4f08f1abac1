-- Everything a list says about a person that screening can use: lists give several birth dates (alternatives),
-- several nationalities and the person's passports and identity numbers. date_of_birth and nationality keep the
-- first of each, for the searches that read them.
ALTER TABLE watchlist_person ADD COLUMN dates_of_birth VARCHAR(2000);
ALTER TABLE watchlist_person ADD COLUMN nationalities VARCHAR(400);
ALTER TABLE watchlist_person ADD COLUMN place_of_birth VARCHAR(300);
ALTER TABLE watchlist_person ADD COLUMN documents VARCHAR(20000);
UPDATE watchlist_person SET dates_of_birth = date_of_birth, nationalities = nationality;
