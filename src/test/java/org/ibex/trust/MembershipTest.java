package org.ibex.trust;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node's membership: joined only with a current directory, but restarted with the newest it holds. */
class MembershipTest {
    @TempDir
    Path dir;

    private NodeCredentials post;
    private Path anchor;
    private Path directory;

    /** A land post joined at {@link TestPki#NOW} with directory 1, which is due for update a day later. */
    @BeforeEach
    void joinedPost() throws Exception {
        TestPki pki = new TestPki();
        post = pki.node("UTO/IMM/POST-LND");
        post.save(dir.resolve("post"), TestPki.PASSPHRASE);
        anchor = Files.writeString(dir.resolve("anchor.pem"), Certificates.pem(List.of(pki.root.certificate())));
        directory = Files.write(dir.resolve("directory.json"), pki.directory(1, List.of(), post).signedBy(pki.state));
        Membership.join(dir.resolve("exchange"), dir.resolve("post"), anchor, directory, TestPki.PASSPHRASE,
                TestPki.CLOCK);
    }

    @Test
    void aNodeCutOffPastItsDirectorysNextUpdateStillStartsAndKnowsItIsOverdue() throws Exception {
        Clock threeDaysLater = TestPki.at(TestPki.NOW.plus(Duration.ofDays(3)));

        Membership restarted = Membership.load(dir.resolve("exchange"), TestPki.PASSPHRASE, threeDaysLater);

        assertThat(restarted.federation().stale()).isTrue();
        assertThat(restarted.federation().identify(post.chain().toArray(java.security.cert.X509Certificate[]::new)))
                .isPresent();
        assertThat(Membership.load(dir.resolve("exchange"), TestPki.PASSPHRASE, TestPki.CLOCK).federation().stale())
                .isFalse();
        assertThatThrownBy(() -> Membership.join(dir.resolve("again"), dir.resolve("post"), anchor, directory,
                TestPki.PASSPHRASE, threeDaysLater)).as("joining takes a current directory only")
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.code()).isEqualTo(DirectoryException.Code.EXPIRED));
    }

    @Test
    void aTamperedDirectoryFileStopsTheNodeFromStarting() throws Exception {
        Path kept = dir.resolve("exchange").resolve(Membership.DIRECTORY);
        Files.writeString(kept, Files.readString(kept).replace("POST-LND", "POST-XXX"));

        assertThatThrownBy(() -> Membership.load(dir.resolve("exchange"), TestPki.PASSPHRASE, TestPki.CLOCK))
                .isInstanceOf(DirectoryException.class);
    }
}
