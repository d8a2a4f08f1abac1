package org.ibex.access;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, new SecureRandom());

    @Test
    void storesArgon2idInThePhcFormatAndVerifiesOnlyTheRightPassword() {
        String hash = hasher.hash("correct-horse-battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("correct-horse");
        assertThat(hasher.verify("correct-horse-battery", hash)).isTrue();
        assertThat(hasher.verify("correct-horse-batterY", hash)).isFalse();
    }

    @Test
    void saltsEveryHashSoEqualPasswordsLookDifferent() {
        assertThat(hasher.hash("same-password-here")).isNotEqualTo(hasher.hash("same-password-here"));
    }

    @Test
    void theStandardCostIsOwaspsMemoryHardMinimum() {
        assertThat(PasswordHasher.standard().hash("long-enough-pass")).contains("$m=19456,t=2,p=1$");
    }

    @Test
    void aMalformedOrForeignHashNeverMatches() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=zz,t=1,p=1$AAAA$AAAA")).isFalse();
    }

    @Test
    void refusesShortPasswordsNamingTheRule() {
        assertThatThrownBy(() -> hasher.hash("short")).hasMessage("password must have at least 8 characters");
    }
}
