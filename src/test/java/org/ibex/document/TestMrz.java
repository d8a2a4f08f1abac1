package org.ibex.document;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Specimen lines and builders shared by the MRZ tests; check digits are always recomputed with CheckDigit. */
final class TestMrz {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    static final MrzParser PARSER = new MrzParser(CLOCK);

    static final String TD3_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    static final String TD3_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    static final String TD1_1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    static final String TD1_2 = "7408122F1204159UTO<<<<<<<<<<<6";
    static final String TD1_3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    static final String TD2_1 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
    static final String TD2_2 = "D231458907UTO7408122F1204159<<<<<<<6";
    static final String MRVA_1 = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    static final String MRVA_2 = "L8988901C4XXX4009078F96121096ZE184226B<<<<<<";
    static final String MRVB_1 = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
    static final String MRVB_2 = "L8988901C4XXX4009078F9612109<<<<<<<<";

    private TestMrz() {
    }

    static MrzReading parse(String... lines) {
        return PARSER.parse(String.join("\n", lines));
    }

    static MrzPosition at(int line, int column) {
        return new MrzPosition(line, column, 1);
    }

    /** Replaces the characters of {@code line} from 1-based {@code column} on with {@code text}. */
    static String set(String line, int column, String text) {
        return line.substring(0, column - 1) + text + line.substring(column - 1 + text.length());
    }

    static String digit(CharSequence s) {
        return String.valueOf(CheckDigit.compute(s));
    }

    /** A digit other than the one printed at {@code column}, to break a check digit on purpose. */
    static String otherDigitAt(String line, int column) {
        char printed = line.charAt(column - 1);
        return String.valueOf(printed == '9' ? '0' : (char) (printed + 1));
    }

    /** TD3 line 2 with every check digit recomputed: document number, dates, personal number, composite. */
    static String sealTd3(String line2) {
        String sealed = set(line2, 10, digit(line2.substring(0, 9)));
        sealed = set(sealed, 20, digit(sealed.substring(13, 19)));
        sealed = set(sealed, 28, digit(sealed.substring(21, 27)));
        sealed = set(sealed, 43, digit(sealed.substring(28, 42)));
        return td3Composite(sealed);
    }

    /** TD3 line 2 with only the composite digit recomputed. */
    static String td3Composite(String line2) {
        return set(line2, 44, digit(line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43)));
    }

    /** TD1 line 2 with its composite digit recomputed over line 1 and line 2. */
    static String td1Composite(String line1, String line2) {
        return set(line2, 30, digit(line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29)));
    }

    /** TD2 line 2 with its composite digit recomputed. */
    static String td2Composite(String line2) {
        return set(line2, 36, digit(line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 35)));
    }
}
