package org.ibex.demo;

import org.ibex.bench.BenchNames;
import org.ibex.node.Node;
import org.ibex.node.Operator;

import org.ibex.access.Actor;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.border.Crossing;
import org.ibex.border.CrossingRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Enrols demo travellers with real FVC2002 prints (two fingers each, impression 1), so identification and 1:1
 * can be tried with the other impressions of the same fingers. Skipped when the shared prints are absent.
 */
public final class DemoFingerprints {
    private static final String[] DATABASES = {"DB1_B", "DB2_B", "DB3_B", "DB4_B"};

    private DemoFingerprints() {
    }

    public static Path sharedFolder() {
        return BenchNames.sharedFolder().getParent().resolve("fingerprints").resolve("fvc2002");
    }

    /** Enrols up to 20 travellers: fingers 101+102, 103+104 … of each database. Returns how many. */
    public static int enrol(Node node, Path fvc) throws IOException {
        if (fvc == null || !Files.isDirectory(fvc.resolve(DATABASES[0]))) {
            return 0;
        }
        Actor actor = Operator.actor("demo data");
        Set<Long> persons = new LinkedHashSet<>();
        for (Crossing crossing : node.services.border().list(new CrossingRepository.Filter(null, null, null, null, 500), actor)) {
            persons.add(crossing.personId());
        }
        List<Long> ids = new ArrayList<>(persons);
        int enrolled = 0;
        for (String database : DATABASES) {
            double dpi = database.equals("DB2_B") ? 569 : 500;
            for (int finger = 101; finger < 110 && enrolled < ids.size(); finger += 2) {
                long personId = ids.get(enrolled++);
                node.services.biometrics().enrol(personId, "person " + personId, List.of(
                        capture(fvc, database, finger, FingerPosition.RIGHT_INDEX, dpi),
                        capture(fvc, database, finger + 1, FingerPosition.LEFT_INDEX, dpi)), List.of(), null, actor);
            }
        }
        return enrolled;
    }

    private static FingerCapture capture(Path fvc, String database, int finger, FingerPosition position, double dpi)
            throws IOException {
        return new FingerCapture(position, Files.readAllBytes(fvc.resolve(database).resolve(finger + "_1.tif")), dpi);
    }
}
