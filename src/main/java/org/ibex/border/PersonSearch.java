package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.identity.Person;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds persons by part of a name or by a document number, within the scope a person's file opens in
 * ({@link PersonFiles}): an officer or supervisor finds only the travellers who crossed at their post or for whom it
 * holds an open biometric case. Every search is in the access log with what was searched, since a list of names is
 * itself a look at those people.
 */
public final class PersonSearch {
    /** The longest search accepted, as long as a name a document holds. */
    public static final int MAX_TEXT = 100;
    private final Database database;
    private final BiometricService biometrics;
    private final AccessLog accessLog;

    public PersonSearch(Database database, BiometricService biometrics, AccessLog accessLog) {
        this.database = database;
        this.biometrics = biometrics;
        this.accessLog = accessLog;
    }

    /** The persons whose surname, given names or a document number contain {@code text}, by name; at most limit. */
    public List<Person> find(String text, Actor actor, int limit) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (wanted.length() < 2) {
            throw InvalidInputException.of("q", "too-short", "a search needs at least 2 characters");
        }
        if (wanted.length() > MAX_TEXT) {
            throw InvalidInputException.of("q", "too-long", "a search is at most " + MAX_TEXT + " characters");
        }
        String like = Sql.containing(wanted);
        // MRZ names keep '<' between words; a search types spaces.
        String nameLike = like.replace(' ', '%');
        boolean bound = actor.user().role().boundToPost();
        String sql = "SELECT p.id, p.surname, p.given_names, p.date_of_birth, p.nationality, p.sex FROM person p"
                + " WHERE (UPPER(p.surname || ' ' || COALESCE(p.given_names, '')) LIKE ? " + Sql.LIKE_ESCAPE
                + " OR UPPER(COALESCE(p.given_names, '') || ' ' || p.surname) LIKE ? " + Sql.LIKE_ESCAPE
                + " OR EXISTS (SELECT 1 FROM person_document d WHERE d.person_id = p.id"
                + " AND d.document_number LIKE ? " + Sql.LIKE_ESCAPE + "))"
                // A cheap first cut by post; the file's own rule below has the last word.
                + (bound ? " AND (EXISTS (SELECT 1 FROM crossing c WHERE c.person_id = p.id AND c.post_id = ?)"
                + " OR EXISTS (SELECT 1 FROM biometric_case k WHERE k.person_id = p.id AND k.post_id = ?))" : "")
                + " ORDER BY p.surname, p.given_names, p.id FETCH FIRST " + Math.max(1, Math.min(limit, 200))
                + " ROWS ONLY";
        return database.inTransaction(connection -> {
            List<Person> found;
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                List<Object> args = new ArrayList<>(List.of(nameLike, nameLike, like.replace(" ", "")));
                if (bound) {
                    args.add(actor.user().postId());
                    args.add(actor.user().postId());
                }
                Sql.bindAll(select, args.toArray());
                found = new ArrayList<>();
                for (Person person : Sql.list(select, row -> new Person(row.getLong(1), row.getString(2),
                        row.getString(3), Sql.date(row, "date_of_birth"), row.getString(5), row.getString(6)))) {
                    if (biometrics.coversPerson(connection, person.id(), actor)) {
                        found.add(person);
                    }
                }
            }
            accessLog.record(connection, AccessLog.Access.by(actor, "person.search", "persons search=" + wanted
                    + " count=" + found.size()));
            return found;
        });
    }
}
