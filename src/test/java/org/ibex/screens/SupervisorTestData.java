package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Crossing;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.document.MrzWriter;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Crossings of the supervisor tests' own, recorded through the domain with fresh names and numbers. */
final class SupervisorTestData {
    private final DemoSite site;

    SupervisorTestData(DemoSite site) {
        this.site = site;
    }

    /** A surname no other test uses: letters only, as an MRZ holds them. */
    static String freshSurname(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) {
            name.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    static String freshNumber() {
        return "S" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    static String mrz(String surname, String number, String nationality) {
        return MrzWriter.td3(nationality, surname, "ALEX", number, nationality, LocalDate.of(1985, 3, 14), "M",
                LocalDate.now().plusYears(5), null);
    }

    /** The same MRZ with the document number's check digit wrong, as a misread at the desk gives it. */
    static String misread(String mrz) {
        String[] lines = mrz.split("\n");
        char digit = lines[1].charAt(9);
        char wrong = digit == '7' ? '3' : '7';
        return lines[0] + "\n" + lines[1].substring(0, 9) + wrong + lines[1].substring(10);
    }

    Crossing enter(String officer, String post, String mrz) {
        Actor actor = new Actor(new User(officer, Role.OFFICER, post), "test", "127.0.0.1");
        return site.node.services.border().record(new CrossingRequest(null, Direction.ENTRY, post, null, mrz, null,
                null, null, null), actor).crossing();
    }
}
