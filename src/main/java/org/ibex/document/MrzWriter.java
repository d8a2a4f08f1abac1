package org.ibex.document;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes TD3 (passport) machine readable zones with correct check digits: for demos, tests and benchmarks. */
public final class MrzWriter {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private MrzWriter() {
    }

    /** The two TD3 lines joined by a newline; names are folded to A-Z and truncated to fit. */
    public static String td3(String issuingState, String surname, String givenNames, String documentNumber,
                             String nationality, LocalDate birth, String sex, LocalDate expiry, String personalNumber) {
        String names = field(fold(surname) + "<<" + fold(givenNames), 39);
        String line1 = "P<" + field(issuingState, 3) + names;
        String number = field(documentNumber, 9);
        String dob = birth.format(YYMMDD);
        String exp = expiry.format(YYMMDD);
        String personal = field(personalNumber == null ? "" : personalNumber, 14);
        String personalCheck = personal.chars().allMatch(c -> c == '<') ? "<" : digit(personal);
        String line2 = number + digit(number) + field(nationality, 3) + dob + digit(dob) + sexCode(sex) + exp + digit(exp)
                + personal + personalCheck;
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        return line1 + "\n" + line2 + digit(composite);
    }

    /** Folds a name to the MRZ alphabet: diacritics dropped, anything else that is not A-Z becomes a filler. */
    public static String fold(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : plain.toCharArray()) {
            out.append(c >= 'A' && c <= 'Z' ? c : '<');
        }
        return out.toString().replaceAll("<+", "<").replaceAll("^<|<$", "");
    }

    private static String sexCode(String sex) {
        return sex == null || sex.equals("X") ? "<" : sex;
    }

    private static String digit(String field) {
        return Integer.toString(CheckDigit.compute(field));
    }

    private static String field(String value, int length) {
        String v = value.length() > length ? value.substring(0, length) : value;
        return v + "<".repeat(length - v.length());
    }
}
