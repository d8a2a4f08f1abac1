package org.ibex.demo;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.border.Post;
import org.ibex.identity.PersonFacts;
import org.ibex.identity.PersonRegistry;
import org.ibex.node.Node;
import org.ibex.node.Operator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The fingerprint galleries of the two states' immigration headquarters for {@code IdentityConfirmationStory}, each
 * built from different FVC2002 fingers (impression 1): one person is known to both, one only to Utopia, and XXB's
 * own people are fingers Utopia never saw. Also XXB's liaison officer, a supervisor at XXB's airport post. Each
 * enrolled only where missing, so that a demo folder made before gets them. Needs the shared prints, which the jar
 * does not carry: without them the galleries stay empty and the story says so.
 */
final class DemoGalleries {
    static final String UTO = "UTO/IMM/HQ";
    static final String XXB = "XXB/IMM/HQ";
    /** XXB's supervisor who probes Utopia's gallery and asks for releases. */
    static final String XXB_LIAISON = "xxb.liaison";
    static final Post XXB_AIR_POST = new Post("XXB-AIR", "XXB Capital Airport", Post.Kind.AIRPORT, ZoneId.of("UTC"));

    /** One enrolled person: who, and which FVC2002 fingers (right and left index). */
    record Known(String surname, String givenNames, LocalDate birth, String nationality, String document,
                 String database, int rightIndex) {
        PersonFacts facts() {
            return new PersonFacts(surname, givenNames, birth, nationality, "F", nationality, document);
        }
    }

    /** Known to both states: she lives in XXB and once crossed into Utopia. */
    static final Known BOTH = new Known("NWOSU", "ADAEZE", LocalDate.of(1990, 2, 17), "XXB", "XB4471205", "DB1_B",
            105);
    /** Known only to Utopia, where she applied for a visa; XXB never enrolled her. */
    static final Known UTOPIA_ONLY = new Known("IVANOVA", "MARTA", LocalDate.of(1986, 11, 3), "GHA", "G0912774",
            "DB1_B", 103);
    /** XXB's own nationals, enrolled at home only, from another sensor's fingers. */
    static final List<Known> XXB_ONLY = List.of(
            new Known("MENSAH", "KOFI", LocalDate.of(1979, 6, 30), "XXB", "XB1029384", "DB2_B", 101),
            new Known("OSEI", "ABENA", LocalDate.of(1995, 9, 8), "XXB", "XB5566778", "DB2_B", 103));

    private DemoGalleries() {
    }

    /** The gallery of {@code node} where it is one of the two headquarters; other nodes take no part. */
    static void seed(String node, Node opened, Path fvc, PrintStream out) {
        List<Known> gallery = switch (node) {
            case UTO -> List.of(BOTH, UTOPIA_ONLY);
            case XXB -> List.of(BOTH, XXB_ONLY.get(0), XXB_ONLY.get(1));
            default -> List.of();
        };
        if (node.equals(XXB)) {
            if (opened.services.posts().find(XXB_AIR_POST.id()).isEmpty()) {
                opened.services.posts().add(XXB_AIR_POST);
            }
            if (opened.services.users().find(XXB_LIAISON).isEmpty()) {
                opened.services.accounts().seed(Operator.actor("federation demo set-up"), new User(XXB_LIAISON,
                        Role.SUPERVISOR, XXB_AIR_POST.id()), OfflinePostStory.PASSWORD);
            }
        }
        if (gallery.isEmpty()) {
            return;
        }
        if (fvc == null || !Files.isDirectory(fvc.resolve("DB1_B"))) {
            out.println("no demo prints in " + (fvc == null ? "(none)" : fvc.toAbsolutePath().normalize()) + ": the"
                    + " gallery of " + node + " stays empty (set IBEX_SHARED to the folder holding"
                    + " data/fingerprints/fvc2002)");
            return;
        }
        int enrolled = 0;
        for (Known known : gallery) {
            if (enrol(opened, known, fvc)) {
                enrolled++;
            }
        }
        if (enrolled > 0) {
            out.println("enrolled " + enrolled + " " + (enrolled == 1 ? "person" : "people") + " in the gallery of "
                    + node + " (FVC2002 prints from " + fvc.toAbsolutePath().normalize() + ")");
        }
    }

    /** Enrols one person's two index fingers unless they are enrolled already; true when enrolled now. */
    private static boolean enrol(Node opened, Known known, Path fvc) {
        Actor actor = Operator.actor("demo data");
        long personId = opened.services.database().inTransaction(c -> new PersonRegistry().link(c, known.facts(),
                Instant.now()));
        if (opened.services.database().read(c -> opened.services.biometrics().enrolmentOf(c, personId)).isPresent()) {
            return false;
        }
        double dpi = known.database().equals("DB2_B") ? 569 : 500;
        opened.services.biometrics().enrol(personId, known.surname() + " " + known.givenNames(), List.of(
                capture(fvc, known.database(), known.rightIndex(), FingerPosition.RIGHT_INDEX, dpi),
                capture(fvc, known.database(), known.rightIndex() + 1, FingerPosition.LEFT_INDEX, dpi)), List.of(),
                null, actor);
        return true;
    }

    private static FingerCapture capture(Path fvc, String database, int finger, FingerPosition position, double dpi) {
        try {
            return new FingerCapture(position, Files.readAllBytes(fvc.resolve(database).resolve(finger + "_1.tif")),
                    dpi);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo print " + database + "/" + finger + "_1.tif", e);
        }
    }
}
