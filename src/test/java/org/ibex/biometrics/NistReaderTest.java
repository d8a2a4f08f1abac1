package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the real sample transactions: every record CNT lists, fields by name, image summaries as declared. */
class NistReaderTest {

    @Test
    void everySampleTransactionParsesWithTheRecordsItsCntLists() {
        List<Path> files = SampleFiles.transactions();
        assertThat(files).as("the shared folder holds the seven sample transactions").hasSize(7);
        for (Path file : files) {
            NistTransaction transaction = new NistReader().read(SampleFiles.bytes(file));

            NistField cnt = transaction.records().get(0).field(3).orElseThrow();
            List<List<String>> listed = cnt.subfields();
            assertThat(transaction.records()).as("%s: Type 1 plus one record per CNT entry", file).hasSize(listed.size());
            for (int i = 1; i < listed.size(); i++) {
                NistRecord record = transaction.records().get(i);
                assertThat(record.index()).as("records are numbered from 1 in file order").isEqualTo(i + 1);
                assertThat(record.type()).as("%s record %d", file, i + 1).isEqualTo(Integer.parseInt(listed.get(i).get(0)));
                assertThat(record.idc()).isEqualTo(Integer.parseInt(listed.get(i).get(1)));
            }
        }
    }

    @Test
    void typeOneFieldsCarryTheStandardsNames() {
        NistRecord type1 = SampleFiles.read("type-14-tpcard-nqm.an2").records().get(0);

        assertThat(type1.fields()).extracting(NistField::name)
                .startsWith("LEN", "VER", "CNT", "TOT", "DAT", "PRY", "DAI", "ORI", "TCN");
        assertThat(type1.text(2)).contains("0400");
        assertThat(type1.text(4)).contains("AMN");
        assertThat(type1.field(3).orElseThrow().subfields()).as("CNT lists 15 records after Type 1").hasSize(16)
                .first().isEqualTo(List.of("1", "15"));
    }

    @Test
    void binaryTypeFourSlapsAreDelimitedByTheirOwnLengthAndTakeResolutionFromTypeOne() {
        NistTransaction transaction = SampleFiles.read("type-4-slaps.an2");

        List<NistRecord> slaps = transaction.imageRecords();
        assertThat(slaps).extracting(NistRecord::type).containsExactly(4, 4, 4, 4);
        NistImage left = slaps.get(0).image().orElseThrow();
        assertThat(left.format()).isEqualTo(ImageFormat.WSQ);
        assertThat(left.width()).isEqualTo(1608);
        assertThat(left.height()).isEqualTo(1000);
        assertThat(left.ppi()).as("ISR 0: native resolution 1.011 NSR 19.69 ppmm is 500 ppi").isEqualTo(500);
        assertThat(left.fingers()).as("unused FGP bytes (255) are dropped")
                .containsExactly(FingerPosition.PLAIN_LEFT_FOUR_FINGERS);
        assertThat(left.impressionType()).contains(ImpressionType.NONLIVE_SCAN_PLAIN);
        assertThat(left.quality()).as("Type 4 has no quality field").isEmpty();
        assertThat(slaps).extracting(r -> r.image().orElseThrow().positions().get(0)).containsExactly(14, 12, 11, 13);
        assertThat(slaps.get(0).field(8).orElseThrow().name()).isEqualTo("GCA");
        assertThat(slaps.get(0).field(999).orElseThrow().dataLength()).isEqualTo(left.dataLength());
    }

    @Test
    void typeFourteenGivesNfiqPerFingerFromNqm() {
        NistRecord slap = SampleFiles.read("type-14-amp-nqm-utf8.an2").records().get(3);

        NistImage image = slap.image().orElseThrow();
        assertThat(image.fingers()).containsExactly(FingerPosition.PLAIN_RIGHT_FOUR_FINGERS);
        assertThat(image.quality()).containsExactly(
                new QualityScore(2, "NQM", 3, ""), new QualityScore(3, "NQM", 2, ""),
                new QualityScore(4, "NQM", 3, ""), new QualityScore(5, "NQM", 3, ""));
        assertThat(slap.field(22).orElseThrow().name()).isEqualTo("NQM");
        assertThat(image.ppi()).as("SLC 1: THPS is in pixels per inch").isEqualTo(500);
    }

    @Test
    void pixelsPerCentimetreAreConvertedToPixelsPerInch() {
        NistRecord rolled = SampleFiles.read("type-14-tpcard-nqm.an2").records().get(2);

        assertThat(rolled.text(8)).as("SLC 2 means pixels per cm").contains("2");
        assertThat(rolled.text(9)).contains("197");
        assertThat(rolled.image().orElseThrow().ppi()).as("197 ppcm x 2.54").isEqualTo(500);
        assertThat(rolled.image().orElseThrow().impressionType()).contains(ImpressionType.NONLIVE_SCAN_ROLLED);
        assertThat(rolled.image().orElseThrow().fingers()).containsExactly(FingerPosition.RIGHT_THUMB);
    }

    @Test
    void utf8TextIsKept() {
        NistRecord type2 = SampleFiles.read("type-14-amp-nqm-utf8.an2").records().get(1);

        assertThat(type2.text(3)).contains("two chinese characters: \u83ef\u88d4");
    }

    @Test
    void minutiaeFaceAndIrisRecordsAreReadWithTheirFields() {
        NistRecord minutiae = SampleFiles.read("type-9-14-std.an2").records().get(2);
        assertThat(minutiae.type()).isEqualTo(9);
        assertThat(minutiae.field(12).orElseThrow().name()).isEqualTo("MRC");
        assertThat(minutiae.field(12).orElseThrow().subfields()).as("one subfield per minutia").hasSizeGreaterThan(40);
        assertThat(minutiae.image()).isEmpty();

        NistImage face = SampleFiles.read("type-10-sap10.an2").records().get(2).image().orElseThrow();
        assertThat(face.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(face.ppi()).as("SLC 0 gives only an aspect ratio").isZero();
        assertThat(face.positions()).isEmpty();

        NistImage iris = SampleFiles.read("type-17-iris.an2").records().get(2).image().orElseThrow();
        assertThat(iris.format()).isEqualTo(ImageFormat.PNG);
        assertThat(iris.width()).isEqualTo(449);
        assertThat(iris.height()).isEqualTo(312);
        assertThat(iris.ppi()).isEqualTo(1000);
    }

    @Test
    void recordTypesWithoutAnInterpretationAreKeptWithTheirFieldsAndData() {
        NistRecord testing = SampleFiles.read("rec01_rec02_rec16.nst.an2").records().get(2);

        assertThat(testing.type()).isEqualTo(16);
        assertThat(testing.text(3)).contains("Wallace\u001FGromit\u001FMcGraw");
        assertThat(testing.field(999).orElseThrow().dataLength()).isGreaterThan(4000);
        assertThat(testing.field(13).orElseThrow().subfields()).hasSize(3).first().isEqualTo(List.of("A1", "B1", "C1"));
    }

    @Test
    void legacyBinaryAndUnknownTaggedRecordsAreListedNotRejected() {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(tagged("1.001:%d\u001D1.002:0200\u001D1.003:1\u001F3\u001E7\u001F01\u001E8\u001F02\u001E99\u001F03\u001C"));
        file.writeBytes(new byte[] {0, 0, 0, 9, 1, 'u', 's', 'e', 'r'});
        file.writeBytes(new byte[] {0, 0, 0, 14, 2, 0, 1, 0, 0, 1, 0, 1, (byte) 0xAB, (byte) 0xCD});
        file.writeBytes(tagged("99.001:%d\u001D99.002:03\u001D99.004:CBEFF\u001C"));

        NistTransaction transaction = new NistReader().read(file.toByteArray());

        assertThat(transaction.records()).extracting(NistRecord::type).containsExactly(1, 7, 8, 99);
        NistRecord userDefined = transaction.records().get(1);
        assertThat(userDefined.idc()).isEqualTo(1);
        assertThat(userDefined.field(999).orElseThrow().data()).containsExactly('u', 's', 'e', 'r');
        NistRecord signature = transaction.records().get(2);
        assertThat(signature.fields()).extracting(NistField::name)
                .containsExactly("LEN", "IDC", "SIG", "SRT", "ISR", "HLL", "VLL", "DATA");
        assertThat(signature.field(999).orElseThrow().dataLength()).isEqualTo(2);
        assertThat(signature.image()).as("only Type 4 of the binary records is summarised as an image").isEmpty();
        NistRecord cbeff = transaction.records().get(3);
        assertThat(cbeff.idc()).isEqualTo(3);
        assertThat(cbeff.text(4)).contains("CBEFF");
        assertThat(cbeff.field(4).orElseThrow().name()).as("no table for type 99").isEmpty();
    }

    /** A tagged record with "%d" standing for its LEN, filled in so that LEN counts itself. */
    private static byte[] tagged(String template) {
        int length = template.length();
        while (String.format(template, length).length() != length) {
            length = String.format(template, length).length();
        }
        return String.format(template, length).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void uncompressedImagesAreSummarisedFromHllAndVll() {
        NistImage image = SampleFiles.read("type-9-14-std.an2").records().get(3).image().orElseThrow();

        assertThat(image.format()).isEqualTo(ImageFormat.NONE);
        assertThat(image.width() * image.height()).as("8 bits a pixel, no compression").isEqualTo(image.dataLength());
    }

    @Test
    void printingAnImageRecordShowsTheByteCountNotTheBytes() {
        NistRecord record = SampleFiles.read("type-14-tpcard-nqm.an2").records().get(2);

        assertThat(record.toString()).contains("WSQ 804x752").contains("bytes").hasSizeLessThan(600);
        assertThat(record.image().orElseThrow().toString()).doesNotContain("[B@");
        assertThat(record.field(999).orElseThrow().toString()).isEqualTo("14.999 DATA <42297 bytes>");
    }
}
