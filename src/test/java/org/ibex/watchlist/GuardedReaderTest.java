package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedReaderTest {
    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[777];
        for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Test
    void decodesCharactersThatStraddleItsBuffers() throws IOException {
        // 1-, 2-, 3- and 4-byte sequences in turn, so that every buffer edge falls inside some character.
        String text = "aЖ王𓀀".repeat(20_000);
        GuardedReader reader = new GuardedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Integer.MAX_VALUE / 2);

        assertThat(readAll(reader)).isEqualTo(text);
        assertThat(reader.read(new char[1], 0, 1)).as("still at the end").isEqualTo(-1);
    }

    @Test
    void reportsTheOffsetOfABrokenSequenceAtTheEnd() {
        byte[] cut = "Жx".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[] {cut[0], cut[1], (byte) 0xE7, (byte) 0x8E};
        GuardedReader reader = new GuardedReader(new ByteArrayInputStream(bytes), 1000);

        assertThatThrownBy(() -> readAll(reader)).isInstanceOf(GuardedReader.InputRejected.class);
        assertThat(reader.failure().rule()).isEqualTo(RowError.ENCODING);
        assertThat(reader.failure().message()).contains("offset 2");
    }

    @Test
    void startsTheRowBudgetAgainAtEachRow() throws IOException {
        byte[] bytes = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        GuardedReader rows = new GuardedReader(new ByteArrayInputStream(bytes), 10);
        char[] buffer = new char[1000];
        int total = 0;
        for (int n = 0; n >= 0; n = rows.read(buffer, 0, buffer.length)) {
            rows.startRow();
            total += n;
        }
        assertThat(total).isEqualTo(100_000);

        GuardedReader oneRow = new GuardedReader(new ByteArrayInputStream(bytes), 10);
        assertThatThrownBy(() -> readAll(oneRow)).isInstanceOf(GuardedReader.InputRejected.class);
        assertThat(oneRow.failure().rule()).isEqualTo(RowError.ROW_TOO_LONG);
    }
}
