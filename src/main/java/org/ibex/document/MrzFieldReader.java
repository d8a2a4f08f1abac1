package org.ibex.document;

import java.util.List;

/** Reads every field as printed and reports the codes and values that break Doc 9303's rules. */
final class MrzFieldReader {
    private final DateField dates;

    MrzFieldReader(DateField dates) {
        this.dates = dates;
    }

    MrzFields read(MrzLayout layout, List<String> lines, DocumentNumber number, Findings out) {
        NameField.Name name = NameField.read(layout.name(), lines, out);
        return new MrzFields(
                documentCode(layout.documentCode(), lines, out),
                country(layout.issuingState(), lines, out),
                name.surname(),
                name.givenNames(),
                number.value(),
                country(layout.nationality(), lines, out),
                dates.birth(layout.dateOfBirth(), lines, out),
                dates.expiry(layout.dateOfExpiry(), lines, out),
                sex(layout.sex(), lines, out),
                number.optionalData(),
                layout.optionalData2() == null ? null : Fillers.trimTrailing(layout.optionalData2().in(lines)));
    }

    /**
     * Formats fix only the first letter (P, A/C/I, V); states choose the second. A code is clearly invalid only
     * when it does not start with a letter or its second character is neither a letter nor a filler.
     */
    private static String documentCode(Field field, List<String> lines, Findings out) {
        String raw = field.in(lines);
        if (!isLetter(raw.charAt(0))) {
            out.error(field.name(), "format", field.positionOf(0),
                    "documentCode must start with a letter (P, I, A, C or V), found '" + raw.charAt(0) + "'",
                    String.valueOf(raw.charAt(0)));
        }
        if (!isLetter(raw.charAt(1)) && raw.charAt(1) != Fillers.FILLER) {
            out.error(field.name(), "format", field.positionOf(1),
                    "documentCode's second character must be a letter or <, found '" + raw.charAt(1) + "'",
                    String.valueOf(raw.charAt(1)));
        }
        return Fillers.trimTrailing(raw);
    }

    private static String country(Field field, List<String> lines, Findings out) {
        String code = Fillers.trimTrailing(field.in(lines));
        if (!CountryCodes.isKnown(code)) {
            out.error(field.name(), "country-code", field.position(), field.name() + " '" + field.in(lines)
                    + "' is not an ISO 3166-1 alpha-3 or ICAO Doc 9303 code", field.in(lines));
        }
        return code;
    }

    private static String sex(Field field, List<String> lines, Findings out) {
        char c = field.charIn(lines);
        if (c == Fillers.FILLER) {
            return "X";
        }
        if (c != 'M' && c != 'F') {
            out.error(field.name(), "sex", field.position(), "sex must be M, F or < (unspecified), found '" + c + "'",
                    String.valueOf(c));
        }
        return String.valueOf(c);
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
