package org.ibex.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThaiRomanizerTest {
    @Test
    void finalConsonantsTakeTheirRtgsFinalValueNotTheirInitialOne() {
        assertThat(ThaiRomanizer.rtgsSyllables("ทักษิณ")).as("ก final is k, ษ initial is s, ณ final is n").isEqualTo("thak-sin");
        assertThat(ThaiRomanizer.rtgsSyllables("สมพร")).as("final ร is n").isEqualTo("som-phon");
        assertThat(ThaiRomanizer.rtgsSyllables("ประภาส")).as("final ส is t").isEqualTo("pra-phat");
    }

    @Test
    void leadingVowelsAreWrittenBeforeTheConsonantButReadAfterIt() {
        assertThat(Transliteration.variants("เปรม")).first().isEqualTo("prem");
        assertThat(Transliteration.variants("ไทย")).first().isEqualTo("thai");
        assertThat(Transliteration.variants("โชค")).first().isEqualTo("chok");
        assertThat(Transliteration.variants("เจริญ")).as("เ-ิ over the second consonant; the first is open").first()
                .isEqualTo("charoen");
        assertThat(Transliteration.variants("เมือง")).first().isEqualTo("mueang");
    }

    @Test
    void inherentVowelIsOWhenClosedAndAWhenOpen() {
        assertThat(Transliteration.variants("สมชาย")).first().isEqualTo("somchai");
        assertThat(Transliteration.variants("ขจร")).first().isEqualTo("khachon");
        assertThat(Transliteration.variants("พนมยงค์")).first().isEqualTo("phanomyong");
    }

    @Test
    void lettersUnderThanthakhatAreSilentAndToneMarksDropped() {
        assertThat(Transliteration.variants("สมศักดิ์")).first().isEqualTo("somsak");
        assertThat(Transliteration.variants("จันทร์")).first().isEqualTo("chan");
        assertThat(Transliteration.variants("ยิ่งลักษณ์")).first().isEqualTo("yinglak");
    }

    @Test
    void silentLettersAndClustersFollowTheRules() {
        assertThat(Transliteration.variants("หลีกภัย")).as("ห before a sonorant only carries the tone").first()
                .isEqualTo("likphai");
        assertThat(Transliteration.variants("สุชาติ")).as("a final short i after a long syllable is not read")
                .first().isEqualTo("suchat");
        assertThat(Transliteration.variants("ชินวัตร")).as("final ตร is t").first().isEqualTo("chinwat");
        assertThat(Transliteration.variants("บุญทรง")).as("ทร is s").first().isEqualTo("bunsong");
    }

    @Test
    void commonPassportSpellingsAreVariants() {
        assertThat(Transliteration.variants("สมพร")).as("-porn").contains("somporn");
        assertThat(Transliteration.variants("บุญมี")).as("ee").contains("bunmee");
        assertThat(Transliteration.variants("คราประยูร")).as("oo, -rn").contains("kraprayoorn");
        assertThat(Transliteration.variants("ศรีสุข")).as("sri").contains("sreesuk");
        assertThat(Transliteration.variants("วิชัย")).as("w/v").contains("wichai", "vichai");
        assertThat(Transliteration.variants("พงษ์ศักดิ์")).as("ph/p").contains("phongsak", "pongsak");
        assertThat(Transliteration.variants("ณัฐพงษ์")).as("Pali linking vowel").contains("natthaphong", "nattapong");
        assertThat(Transliteration.variants("จตุพร")).as("j for จ").contains("jatuporn");
        assertThat(Transliteration.variants("ทักษิณ")).hasSizeLessThanOrEqualTo(Variants.MAX);
    }

    @Test
    void thaiNamesMatchTheirPassportSpellingsAndNotAStranger() {
        NameMatcher m = new NameMatcher();
        assertThat(m.score("SOMCHAI WONGSAWAT", "สมชาย วงศ์สวัสดิ์").match()).isTrue();
        assertThat(m.score("PRAYUT CHAN-O-CHA", "ประยุทธ์ จันทร์โอชา").match()).isTrue();
        assertThat(m.score("THANOM KITTIKACHORN", "ถนอม กิตติขจร").match()).isTrue();
        assertThat(m.score("PRIDI BANOMYONG", "ปรีดี พนมยงค์").match())
                .as("RTGS reads พนมยงค์ as phanomyong, ICU letter by letter as pnmyngkh").isTrue();
        assertThat(m.score("JOHN SMITH", "สมชาย วงศ์สวัสดิ์").match()).isFalse();
    }
}
