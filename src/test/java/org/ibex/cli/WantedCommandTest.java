package org.ibex.cli;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.node.Node;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex wanted}: a stopped node's wanted prints flagged, listed and lifted from the shell, with clear refusals. */
class WantedCommandTest {
    @Test
    void flagsListsAndLiftsFromTheShell() throws Exception {
        TestDataFolder data = TestDataFolder.create();
        long subject;
        try (Node node = Node.open(data.path(), Map.of(), java.time.Clock.systemUTC())) {
            subject = node.services.biometrics().enrol(null, "seen on camera", List.of(new FingerCapture(
                    FingerPosition.RIGHT_INDEX, Files.readAllBytes(Path.of(System.getProperty("ibex.shared",
                    "../shared"), "data", "fingerprints", "fvc2002", "DB1_B", "101_1.tif")), 500)), null, null,
                    new Actor(new User("officer", Role.OFFICER, "POST-A"), "test", "t")).subjectId();
        }

        CliRun flagged = CliRun.of("wanted", "flag", "--data", data.arg(), "--subject", Long.toString(subject),
                "--reason", "arrest warrant 2026/114");
        assertThat(flagged.exit()).as(flagged.err()).isZero();
        assertThat(flagged.out()).contains("flagged W" + subject + " seen on camera: arrest warrant 2026/114");
        assertThat(CliRun.of("wanted", "list", "--data", data.arg()).out())
                .contains("W" + subject, "THIS_NODE", "in force", "1 flags in force here, 0 from headquarters");
        assertThat(CliRun.of("wanted", "lift", "--data", data.arg(), Long.toString(subject), "--reason",
                "withdrawn").out()).contains("lifted W" + subject);
        assertThat(CliRun.of("wanted", "list", "--data", data.arg(), "--json").out()).contains("\"liftReason\":\"withdrawn\"");

        CliRun noReason = CliRun.of("wanted", "flag", "--data", data.arg(), "--subject", "1", "--reason", " ");
        assertThat(noReason.exit()).isEqualTo(2);
        assertThat(noReason.err()).contains("reason is required");
        assertThat(noReason.printedStackTrace()).isFalse();
        CliRun unknown = CliRun.of("wanted", "lift", "--data", data.arg(), "99999", "--reason", "x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("subject 99999 is not flagged as wanted");
    }
}
