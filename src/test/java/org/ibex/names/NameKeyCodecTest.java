package org.ibex.names;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A keyed name stored and read back is the same key, and the matcher's fingerprint names its code and tables. */
class NameKeyCodecTest {
    private final NameMatcher matcher = new NameMatcher();

    @Test
    void aKeyReadBackIsTheSameKeyInEveryScriptAndScoresTheSame() throws IOException {
        List<String> names = List.of("AHMAD KHALIL ABDULLAH AL-NOURI", "أحمد خليل عبد الله النوري", "Иванов Сергей",
                "毛泽东", "ヤマダ・タロウ", "בנימין נתניהו", "김정은", "J. van der BERG", "", "O'NEILL-SMITH Mary Ann");
        for (String name : names) {
            NameKey key = matcher.key(name);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            NameKeyCodec.write(new DataOutputStream(bytes), key);
            NameKey read = NameKeyCodec.read(ByteBuffer.wrap(bytes.toByteArray()));

            assertThat(read).as(name).isEqualTo(key);
            assertThat(matcher.blockingKeysByToken(read)).as(name).isEqualTo(matcher.blockingKeysByToken(key));
            assertThat(matcher.similarity(read, matcher.key("AHMED AL NURI")))
                    .isEqualTo(matcher.similarity(key, matcher.key("AHMED AL NURI")));
        }
    }

    @Test
    void theFingerprintIsStableForTheRunningCode() {
        String fingerprint = NameKeyCodec.fingerprint();

        assertThat(fingerprint).as("SHA-256 of the matcher's classes and tables, not the fallback").matches("[0-9a-f]{64}");
        assertThat(NameKeyCodec.fingerprint()).isEqualTo(fingerprint);
    }
}
