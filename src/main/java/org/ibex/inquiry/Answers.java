package org.ibex.inquiry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.access.Actor;
import org.ibex.agreement.Category;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.FingerSet;
import org.ibex.biometrics.WantedMatch;
import org.ibex.agreement.QueryType;
import org.ibex.store.Sql;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistHit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What this node answers to a question it may answer: looked up in its own records (persons and their crossings, or
 * its own watchlists), and cut to the categories released. Whether a person is known is always said (hit or no hit);
 * nothing else leaves unless a category allows it.
 */
final class Answers {
    static final String HIT = "hit";
    static final String NO_HIT = "no-hit";
    private static final int MAX_PERSONS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScreeningIndex screening;
    private final BiometricService biometrics;

    Answers(ScreeningIndex screening, BiometricService biometrics) {
        this.screening = screening;
        this.biometrics = biometrics;
    }

    /** The answer: hit or no hit, this node's person when one was found, the data released and its categories. */
    record Found(String outcome, Long personId, ObjectNode data, List<String> categories) {
    }

    /** The answer; {@code asker} stands for the asking agency in this node's access log. */
    Found answer(Connection connection, QueryType query, Subject subject, Set<Category> released, Actor asker)
            throws SQLException {
        return switch (query) {
            case CROSSINGS -> crossings(connection, persons(connection, subject, asker), released);
            case PRESENCE -> presence(connection, persons(connection, subject, asker), released);
            case WANTED -> subject.hasPrints() ? wantedByPrints(connection, subject, released, asker)
                    : wanted(subject, released);
            case IDENTITY, DOCUMENT_STATUS, RELEASE -> throw new IllegalStateException(query.code()
                    + " questions are answered by the identity confirmation pillar");
        };
    }

    private Found crossings(Connection connection, List<Long> persons, Set<Category> released) throws SQLException {
        List<ObjectNode> crossings = crossingsOf(connection, persons);
        if (crossings.isEmpty()) {
            return new Found(NO_HIT, persons.isEmpty() ? null : persons.get(0), JSON.createObjectNode(), List.of());
        }
        ObjectNode data = JSON.createObjectNode();
        List<String> categories = new ArrayList<>(List.of(Category.HIT.code()));
        if (released.contains(Category.BIOGRAPHIC)) {
            data.set("person", person(connection, persons.get(0)));
            categories.add(Category.BIOGRAPHIC.code());
        }
        if (released.contains(Category.TRAVEL_HISTORY)) {
            ArrayNode list = data.putArray("crossings");
            crossings.forEach(list::add);
            categories.add(Category.TRAVEL_HISTORY.code());
        }
        return new Found(HIT, persons.get(0), data, categories);
    }

    /** A hit means the person is in the country now: their latest crossing is an entry. */
    private Found presence(Connection connection, List<Long> persons, Set<Category> released) throws SQLException {
        List<ObjectNode> crossings = crossingsOf(connection, persons);
        Long person = persons.isEmpty() ? null : persons.get(0);
        boolean inCountry = !crossings.isEmpty() && "ENTRY".equals(crossings.get(0).get("direction").asText());
        if (!inCountry) {
            return new Found(NO_HIT, person, JSON.createObjectNode(), List.of());
        }
        ObjectNode data = JSON.createObjectNode();
        List<String> categories = new ArrayList<>(List.of(Category.HIT.code()));
        data.put("inCountry", true);
        if (released.contains(Category.BIOGRAPHIC)) {
            data.set("person", person(connection, person));
            categories.add(Category.BIOGRAPHIC.code());
        }
        if (released.contains(Category.TRAVEL_HISTORY)) {
            data.set("lastEntry", crossings.get(0));
            categories.add(Category.TRAVEL_HISTORY.code());
        }
        return new Found(HIT, person, data, categories);
    }

    /** Screens the subject against this node's own lists; namesakes the lists clear are not hits. */
    private Found wanted(Subject subject, Set<Category> released) {
        String name = subject.surname() == null ? null
                : (subject.givenNames() == null ? "" : subject.givenNames() + " ") + subject.surname();
        List<WatchlistHit> hits = screening.screen(new ScreeningQuery(name, subject.birthDate(), null, null,
                subject.documentNumber(), subject.issuingState()), 5).stream().filter(h -> !h.namesake()).toList();
        if (hits.isEmpty()) {
            return new Found(NO_HIT, null, JSON.createObjectNode(), List.of());
        }
        ObjectNode data = JSON.createObjectNode();
        List<String> categories = new ArrayList<>(List.of(Category.HIT.code()));
        if (released.contains(Category.BIOGRAPHIC)) {
            ArrayNode listed = data.putArray("listed");
            for (WatchlistHit hit : hits) {
                listed.addObject().put("list", hit.listId()).put("entry", hit.entryId())
                        .put("name", hit.matchedName()).put("action", hit.action().name())
                        .put("score", Math.round(hit.score() * 100));
            }
            categories.add(Category.BIOGRAPHIC.code());
        }
        return new Found(HIT, null, data, categories);
    }

    /** The wanted persons whose prints match, from the wanted flags this node keeps or copies from headquarters. */
    private Found wantedByPrints(Connection connection, Subject subject, Set<Category> released, Actor asker)
            throws SQLException {
        List<WantedMatch> matches = biometrics.wanted().matches(connection, probe(subject), asker);
        if (matches.isEmpty()) {
            return new Found(NO_HIT, null, JSON.createObjectNode(), List.of());
        }
        ObjectNode data = JSON.createObjectNode();
        List<String> categories = new ArrayList<>(List.of(Category.HIT.code()));
        if (released.contains(Category.BIOGRAPHIC)) {
            ArrayNode listed = data.putArray("listed");
            for (WantedMatch match : matches) {
                listed.addObject().put("list", "wanted-prints").put("entry", match.reference())
                        .put("name", match.name()).put("action", "REFER_TO_SECOND_LINE")
                        .put("score", Math.round(match.fusedScore()));
            }
            categories.add(Category.BIOGRAPHIC.code());
        }
        return new Found(HIT, null, data, categories);
    }

    /** The persons the subject names: by fingerprints when given (one identified subject or none), else by papers. */
    private List<Long> persons(Connection connection, Subject subject, Actor asker) throws SQLException {
        if (subject.hasPrints()) {
            return biometrics.lookup().personOf(connection, probe(subject), asker).map(List::of).orElse(List.of());
        }
        return persons(connection, subject);
    }

    private static FingerSet probe(Subject subject) {
        return FingerSet.of(subject.fingers().stream().map(SubjectFinger::toTemplate).toList(), List.of());
    }

    private static List<Long> persons(Connection connection, Subject subject) throws SQLException {
        if (subject.documentNumber() != null) {
            try (PreparedStatement select = connection.prepareStatement("SELECT person_id FROM person_document"
                    + " WHERE document_number = ? AND (CAST(? AS VARCHAR(3)) IS NULL OR issuing_state = ?)"
                    + " ORDER BY person_id FETCH FIRST " + MAX_PERSONS + " ROWS ONLY")) {
                Sql.bindAll(select, subject.documentNumber(), subject.issuingState(), subject.issuingState());
                List<Long> found = Sql.list(select, row -> row.getLong(1));
                if (!found.isEmpty() || subject.surname() == null) {
                    return found;
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM person WHERE UPPER(surname) = ?"
                + " AND date_of_birth = ? AND (CAST(? AS VARCHAR(200)) IS NULL OR UPPER(given_names) = ?)"
                + " ORDER BY id FETCH FIRST " + MAX_PERSONS + " ROWS ONLY")) {
            Sql.bindAll(select, subject.surname(), subject.birthDate(), subject.givenNames(), subject.givenNames());
            return Sql.list(select, row -> row.getLong(1));
        }
    }

    private static List<ObjectNode> crossingsOf(Connection connection, List<Long> persons) throws SQLException {
        return PersonRecords.crossings(connection, persons);
    }

    private static ObjectNode person(Connection connection, long id) throws SQLException {
        return PersonRecords.person(connection, id);
    }
}
