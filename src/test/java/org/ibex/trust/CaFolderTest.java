package org.ibex.trust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaFolderTest {
    @Test
    void reopensTheSameCaWithThePassphrase(@TempDir Path dir) throws Exception {
        TestPki pki = new TestPki();
        CaFolder folder = new CaFolder(dir.resolve("uto"));
        folder.create(pki.state, TestPki.PASSPHRASE);

        CertificateAuthority reopened = folder.open(TestPki.PASSPHRASE, TestPki.CLOCK, new SecureRandom());

        assertThat(reopened.chain()).containsExactlyElementsOf(pki.state.chain());
        assertThat(folder.anchor()).isEqualTo(pki.root.certificate());
        assertThat(Files.readString(dir.resolve("uto/ca.pem"))).contains("BEGIN CERTIFICATE")
                .doesNotContain("PRIVATE KEY");
    }

    @Test
    void refusesToOverwriteAnExistingCa(@TempDir Path dir) throws Exception {
        TestPki pki = new TestPki();
        new CaFolder(dir).create(pki.root, TestPki.PASSPHRASE);

        assertThatThrownBy(() -> new CaFolder(dir).create(pki.state, TestPki.PASSPHRASE))
                .hasMessageContaining("already holds a CA");
    }

    @Test
    void refusesAWrongPassphrase(@TempDir Path dir) throws Exception {
        new CaFolder(dir).create(new TestPki().root, TestPki.PASSPHRASE);

        assertThatThrownBy(() -> new CaFolder(dir).open(Passphrase.of("not the passphrase"), TestPki.CLOCK,
                new SecureRandom())).hasMessageContaining("wrong passphrase");
    }

    @Test
    void recordsRevocationsOnceEach(@TempDir Path dir) throws Exception {
        TestPki pki = new TestPki();
        CaFolder folder = new CaFolder(dir);
        folder.create(pki.state, TestPki.PASSPHRASE);
        Revocation revocation = TestPki.revoked(pki.node("UTO/IMM/POST-ARL"), RevocationReason.KEY_COMPROMISE);

        folder.revoke(revocation);

        assertThat(folder.revocations()).containsExactly(revocation);
        assertThatThrownBy(() -> folder.revoke(revocation)).hasMessageContaining("already revoked");
    }

    @Test
    void givesEachDirectoryAHigherSequence(@TempDir Path dir) throws Exception {
        CaFolder folder = new CaFolder(dir);
        folder.create(new TestPki().root, TestPki.PASSPHRASE);

        assertThat(folder.nextSequence()).isEqualTo(1);
        assertThat(folder.nextSequence()).isEqualTo(2);
    }
}
