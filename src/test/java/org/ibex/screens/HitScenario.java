package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.RecordedCrossing;
import org.ibex.document.MrzWriter;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.StoredHit;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * A traveller of its own on the shared demo node: listed on a fresh UTO-AIR list by supervisor.air, then crossing at
 * UTO-AIR so the crossing hits the list (listed with two birth dates, two nationalities, a place of birth and a
 * document, as real lists give them); and users of its own (a second UTO-AIR supervisor, a UTO-LAND one), so a
 * test depends on no other class's data or order.
 */
final class HitScenario {
    static final String PASSWORD = "second-supervisor-pass-7";
    private static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "test set-up", "local");
    final String surname;
    final String given;
    final String documentNumber;
    final long crossingId;
    final long hitId;
    final long personId;
    final String secondSupervisor;
    final String landSupervisor;

    HitScenario(DemoSite site, String tag) {
        Random random = new Random();
        String letters = letters(random, 6);
        surname = "QX" + letters;
        given = "TABESH" + letters(random, 2);
        documentNumber = "H" + letters(random, 2) + (100_000 + random.nextInt(899_999));
        String list = "hits-" + tag + "-" + letters.toLowerCase(java.util.Locale.ROOT);
        Actor supervisor = new Actor(new User("supervisor.air", Role.SUPERVISOR, "UTO-AIR"), "test set-up", "local");
        site.node.services.watchlists().replace(new ListImport(list, "Test alerts " + tag, null, null, null, null),
                List.of(new PersonEntry(list, "T-" + letters, List.of(surname + " " + given),
                        List.of(new PartialDate(1980, null, null, null), new PartialDate(1979, 12, 30, null)),
                        List.of("UTO", "D"), null, "Utopia Harbour", List.of(new org.ibex.watchlist.ListedDocument(
                        "HX998877", "Passport", "UTO", "reported stolen")), "subject of a test case", "test police",
                        null, null, EntryAction.REFER_TO_SECOND_LINE)), List.of(), supervisor);
        Actor officer = new Actor(new User("officer.air", Role.OFFICER, "UTO-AIR"), "test set-up", "local");
        String mrz = MrzWriter.td3("UTO", surname, given, documentNumber, "UTO", LocalDate.of(1980, 3, 14), "M",
                LocalDate.now().plusYears(5), null);
        RecordedCrossing recorded = site.node.services.border().record(new CrossingRequest("hits-" + documentNumber,
                Direction.ENTRY, "UTO-AIR", null, mrz, null, null, null, null), officer);
        StoredHit hit = recorded.hits().stream().filter(h -> h.listId().equals(list)).findFirst()
                .orElseThrow(() -> new AssertionError("the crossing did not hit " + list + ": " + recorded.hits()));
        crossingId = recorded.crossing().id();
        hitId = hit.id();
        personId = recorded.crossing().personId();
        secondSupervisor = "sup2." + letters.toLowerCase(java.util.Locale.ROOT);
        landSupervisor = "supland." + letters.toLowerCase(java.util.Locale.ROOT);
        site.node.services.accounts().createWithPassword(OPERATOR, secondSupervisor, "supervisor", "UTO-AIR", PASSWORD);
        site.node.services.accounts().createWithPassword(OPERATOR, landSupervisor, "supervisor", "UTO-LAND", PASSWORD);
    }

    /** The start of the id of this scenario's list, as the file's hits show it. */
    String listIdPrefix() {
        return "hits-";
    }

    String reviewPath() {
        return "/supervisor/hits/" + crossingId + "/" + hitId;
    }

    private static String letters(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('A' + random.nextInt(26)));
        }
        return out.toString();
    }
}
