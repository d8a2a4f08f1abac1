package org.ibex.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the node writes to disk (database, keys, certificates) is readable by the node's own account only. */
class FilePermissionsTest {
    @BeforeEach
    void onPosixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "permissions are POSIX modes; other file systems keep their own access lists");
    }

    @Test
    void aNewDataFolderIsPrivateWithEveryFileInIt() throws Exception {
        TestDataFolder data = TestDataFolder.create();

        CliFederation.ok("post", "add", "--data", data.arg(), "--id", "POST-P", "--name", "Private", "--kind", "LAND",
                "--zone", "UTC");

        assertThat(openToOthers(data.path())).as("folders 700, files 600 (database, audit key, passphrase)").isEmpty();
        assertThat(Files.exists(data.path().resolve("keys"))).as("the audit key was made").isTrue();
    }

    @Test
    void aDataFolderAnEarlierVersionLeftReadableIsNarrowedAtTheNextStart() throws Exception {
        TestDataFolder data = TestDataFolder.create();
        CliFederation.ok("post", "add", "--data", data.arg(), "--id", "POST-P", "--name", "Private", "--kind", "LAND",
                "--zone", "UTC");
        try (Stream<Path> all = Files.walk(data.path())) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        assertThat(openToOthers(data.path())).as("the baseline: as the evaluator found it").isNotEmpty();

        CliFederation.ok("post", "add", "--data", data.arg(), "--id", "POST-Q", "--name", "Other", "--kind", "LAND",
                "--zone", "UTC");

        assertThat(openToOthers(data.path())).isEmpty();
    }

    @Test
    void aFolderGivenByMistakeKeepsTheModesOfFilesTheNodeDidNotWrite() throws Exception {
        TestDataFolder data = TestDataFolder.create();
        Path script = Files.writeString(data.path().resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        CliFederation.ok("post", "add", "--data", data.arg(), "--id", "POST-P", "--name", "Private", "--kind", "LAND",
                "--zone", "UTC");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
                .as("only the node's own files are narrowed").isEqualTo("rwxr-xr-x");
        assertThat(openToOthers(data.path())).containsExactly("run.sh rwxr-xr-x");
    }

    @Test
    void certificateAuthoritiesNodeKeysAndAJoinedNodeArePrivate() throws Exception {
        Path dir = Files.createTempDirectory("ibex-pki");
        CliFederation federation = new CliFederation(dir);
        federation.issue("UTO/IMM/HQ", "https://127.0.0.1:9443", "hq");
        federation.directory("directory.json");
        TestDataFolder joined = federation.joined("hq", "directory.json");

        assertThat(openToOthers(dir.resolve("root"))).as("the root CA").isEmpty();
        assertThat(openToOthers(dir.resolve("uto"))).as("the state CA").isEmpty();
        assertThat(openToOthers(dir.resolve("hq"))).as("the node's key and certificate").isEmpty();
        assertThat(openToOthers(joined.path())).as("the joined data folder").isEmpty();
    }

    /** Every folder below {@code root} that is not 700 and every file that is not 600, with its mode. */
    private static List<String> openToOthers(Path root) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                String wanted = Files.isDirectory(path) ? "rwx------" : "rw-------";
                if (!mode.equals(wanted)) {
                    open.add(root.relativize(path) + " " + mode);
                }
            }
        }
        return open;
    }
}
