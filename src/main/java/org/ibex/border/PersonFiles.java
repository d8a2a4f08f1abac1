package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.identity.Person;
import org.ibex.identity.PersonRegistry;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.watchlist.HitRepository;
import org.ibex.watchlist.StoredHit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens a person's file. Officers and supervisors see the persons who crossed at their post or for whom their post
 * holds an open biometric case; analysts everyone; anyone else's reads as missing. Every read, refused ones too,
 * is on record, and the file shows the record of who looked at the person.
 */
public final class PersonFiles {
    /** The newest entries of "who looked at this person" a file shows. */
    static final int MAX_ACCESSES = 200;
    /** The newest crossings a file shows; the full history is paged at GET /api/crossings?person=. */
    static final int MAX_CROSSINGS = 500;
    private final Database database;
    private final StayService stays;
    private final BiometricService biometrics;
    private final AccessLog accessLog;
    private final PersonRegistry persons = new PersonRegistry();
    private final CrossingRepository crossings = new CrossingRepository();
    private final HitRepository hits = new HitRepository();

    public PersonFiles(Database database, StayService stays, BiometricService biometrics, AccessLog accessLog) {
        this.database = database;
        this.stays = stays;
        this.biometrics = biometrics;
        this.accessLog = accessLog;
    }

    public PersonFile open(long personId, LocalDate asOf, Actor actor) {
        return database.inTransaction(connection -> {
            Optional<Person> person = persons.find(connection, personId);
            // The biometric scope is the crossings rule plus the post's open cases: one question answers both.
            boolean visible = person.isPresent() && biometrics.coversPerson(connection, personId, actor);
            accessLog.record(connection, AccessLog.Access.by(actor, visible ? "person.read" : "person.read refused",
                    "person/" + personId));
            if (!visible) {
                return Optional.<PersonFile>empty();
            }
            // The stay counts every post's crossings; the list shows a post-bound actor only their own post's.
            String post = actor.user().role().boundToPost() ? actor.user().postId() : null;
            List<Crossing> history = crossings.list(connection,
                    new CrossingRepository.Filter(post, personId, null, null, MAX_CROSSINGS));
            List<StoredHit> found = new ArrayList<>();
            List<String> crossingSubjects = new ArrayList<>();
            for (Crossing crossing : history) {
                found.addAll(hits.forCrossing(connection, crossing.id()));
                crossingSubjects.add("crossing/" + crossing.id());
            }
            List<String> exact = new ArrayList<>(List.of("person " + personId, "person/" + personId));
            exact.addAll(crossingSubjects);
            return Optional.of(new PersonFile(person.get(), documents(connection, personId), history,
                    stays.compute(connection, personId, asOf), found, biometrics.enrolmentOf(connection, personId).orElse(null),
                    accessLog.about(connection, exact, List.of("person " + personId + " ", "person " + personId + ":",
                            "person/" + personId + " "), MAX_ACCESSES)));
        }).orElseThrow(() -> new NotFoundException("no person " + personId));
    }

    private static List<PersonFile.Document> documents(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT issuing_state, document_number"
                + " FROM person_document WHERE person_id = ? ORDER BY issuing_state, document_number")) {
            select.setLong(1, personId);
            return Sql.list(select, row -> new PersonFile.Document(row.getString(1), row.getString(2)));
        }
    }
}
