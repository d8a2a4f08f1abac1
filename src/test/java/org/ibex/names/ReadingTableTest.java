package org.ibex.names;

import org.ibex.bench.ReadingTrainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingTableTest {
    private static final NameMatcher MATCHER = new NameMatcher();

    @Test
    void kanaIsCutIntoMoraeWithSmallKanaSokuonAndLongMarkAttached() {
        assertThat(ReadingUnits.kana("ミュンスター")).containsExactly("ミュ", "ン", "ス", "ター");
        assertThat(ReadingUnits.kana("ドレッリ")).containsExactly("ド", "レ", "ッリ");
        assertThat(ReadingUnits.kana("スミス田")).as("a kanji in the token: no mora reading").isEmpty();
    }

    @Test
    void traditionalAndSimplifiedCharactersShareOneUnit() {
        assertThat(ReadingUnits.han("維斯伯恩")).containsExactly("维", "斯", "伯", "恩");
        assertThat(ReadingUnits.withFinal(ReadingUnits.han("維斯"))).containsExactly("维", "斯$");
    }

    @Test
    void learnedTableDropsTheVowelsThatOnlyCarryAConsonant() {
        List<String> decoded = ReadingTable.loadBundled(ReadingTable.HAN_RESOURCE)
                .best(ReadingUnits.withFinal(ReadingUnits.han("克蘭茲")), null, 2);
        assertThat(decoded).as("克 ke→k and 茲 zi→z as in Krentz; 蘭 is lan or ran, since Chinese has no r before a vowel")
                .containsExactly("kranz", "klanz");
    }

    @Test
    void bundledHanTableIsWhatTheTrainerLearnsFromTheTrainHalf() throws IOException {
        Path dir = Path.of(System.getProperty("ibex.shared", "/work/shared"), "data", "names");
        org.assertj.core.api.Assertions.assertThat(dir).as("the shared name pairs").isDirectory();
        StringWriter trained = new StringWriter();
        ReadingTrainer.train(ReadingTrainer.samples(dir, "chinese", ReadingUnits::han)).write(trained);
        StringWriter bundled = new StringWriter();
        ReadingTable.loadBundled(ReadingTable.HAN_RESOURCE).write(bundled);
        assertThat(bundled.toString()).as("regenerate with the command in ReadingTrainer's class comment")
                .isEqualTo(trained.toString());
    }
}
