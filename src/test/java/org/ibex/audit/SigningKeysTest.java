package org.ibex.audit;

import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The node's checkpoint key: made once, kept in PKCS#12, its passphrase readable by the owner only. */
class SigningKeysTest {
    private final Path keys = TestDatabases.tempFolder().resolve("keys");

    @Test
    void theKeyMadeAtFirstStartIsTheKeyLoadedAfterwards() throws Exception {
        Signer first = SigningKeys.openOrCreate(keys, null);
        Signer again = SigningKeys.openOrCreate(keys, null);

        assertThat(again.name()).isEqualTo(first.name());
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(Files.exists(keys.resolve(SigningKeys.KEYSTORE))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(SigningKeys.PASSPHRASE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(SigningKeys.KEYSTORE))))
                .isEqualTo("rw-------");
        assertThat(SigningKeys.pinned(keys)).containsExactly(first.name());
        assertThat(first.toString()).doesNotContain("Private");
    }

    @Test
    void aPassphraseFromTheEnvironmentProtectsTheKeyAndNoFileIsWritten() {
        Signer first = SigningKeys.openOrCreate(keys, "a long operator passphrase");

        assertThat(Files.exists(keys.resolve(SigningKeys.PASSPHRASE))).isFalse();
        assertThat(SigningKeys.openOrCreate(keys, "a long operator passphrase").name()).isEqualTo(first.name());
        assertThatThrownBy(() -> SigningKeys.openOrCreate(keys, "the wrong passphrase"))
                .hasMessageContaining("IBEX_KEY_PASSPHRASE");
    }

    @Test
    void refusesAPassphraseFileOthersCanRead() throws Exception {
        SigningKeys.openOrCreate(keys, null);
        Files.setPosixFilePermissions(keys.resolve(SigningKeys.PASSPHRASE), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SigningKeys.openOrCreate(keys, null)).hasMessageContaining("chmod 600");
    }
}
