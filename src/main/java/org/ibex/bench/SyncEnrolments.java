package org.ibex.bench;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.biometrics.UnusableFingerException;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.node.Node;
import org.ibex.node.Progress;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Enrolments in a post's week offline, made the way a desk makes them: through the post's {@code BiometricService}
 * (finger image extracted, subject stored, enrolment journaled in one transaction), one right index finger each from
 * a folder of finger images used in turn (an image the post refuses for its quality is left out), of travellers
 * who crossed there (then of unknown subjects when there are more enrolments than travellers). Counted at
 * headquarters by the post's subject ids.
 */
final class SyncEnrolments {
    private static final Actor OFFICER = new Actor(new User("officer.land7", Role.OFFICER, SyncBacklog.POST_ID),
            "enrolment", "bench");
    private final int count;
    private final Path fingers;

    /** What was built: the post's subject ids and how long enrolling took. */
    record Built(Set<Long> subjects, double seconds) {
    }

    /** What headquarters holds of the post's subjects. */
    record Verdict(long held, long lost, long duplicated) {
    }

    SyncEnrolments(int count, Path fingers) {
        this.count = count;
        this.fingers = fingers;
    }

    /** Images of the folder, checked before anything is recorded: a missing folder is named with the option. */
    static List<byte[]> images(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--fingers must be a folder of finger images (.tif, .png), was "
                    + folder);
        }
        List<byte[]> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase();
                if (name.endsWith(".tif") || name.endsWith(".png")) {
                    images.add(Files.readAllBytes(file));
                }
            }
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("--fingers must be a folder of finger images (.tif, .png); " + folder
                    + " holds none");
        }
        return images;
    }

    /** Enrols at {@code post}, whose exchange is not started: the enrolments wait in its journal. */
    Built build(Node post) throws IOException {
        List<byte[]> images = images(fingers);
        List<Long> persons = post.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT person_id FROM crossing"
                    + " ORDER BY person_id")) {
                return Sql.list(select, row -> row.getLong(1));
            }
        });
        Progress progress = new Progress("enrolments at the post", count);
        long t0 = System.nanoTime();
        Set<Long> subjects = new HashSet<>();
        List<byte[]> usable = new ArrayList<>(images);
        int next = 0;
        for (int i = 0; i < count; i++) {
            Long person = i < persons.size() ? persons.get(i) : null;
            while (true) {
                if (usable.isEmpty()) {
                    throw new IllegalArgumentException("--fingers: the post refused every image of " + fingers);
                }
                int at = next++ % usable.size();
                FingerCapture capture = new FingerCapture(FingerPosition.RIGHT_INDEX, usable.get(at),
                        FingerCapture.DEFAULT_DPI);
                try {
                    subjects.add(post.services.biometrics().enrol(person, "bench enrolment " + i, List.of(capture),
                            List.of(), null, OFFICER).subjectId());
                    break;
                } catch (UnusableFingerException refused) {
                    usable.remove(at); // a print the desk would capture again: this image is not used again
                }
            }
            progress.advance(1);
        }
        progress.done();
        return new Built(subjects, (System.nanoTime() - t0) / 1e9);
    }

    /** The post's subjects held at headquarters (by origin subject id), those missing, and copies beyond one. */
    static Verdict verify(Database hq, String origin, Set<Long> subjects) {
        return hq.read(connection -> {
            Set<Long> held = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT origin_subject_id FROM"
                    + " national_subject WHERE origin_node = ?")) {
                Sql.bindAll(select, origin);
                held.addAll(Sql.list(select, row -> row.getLong(1)));
            }
            long copies;
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM biometric_subject")) {
                copies = Sql.list(select, row -> row.getLong(1)).get(0);
            }
            long lost = subjects.stream().filter(s -> !held.contains(s)).count();
            // Headquarters enrols nobody itself in this bench: every subject it holds is a copy of the post's.
            return new Verdict(held.size(), lost, copies - held.size());
        });
    }
}
