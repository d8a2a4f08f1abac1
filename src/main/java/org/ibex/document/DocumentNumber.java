package org.ibex.document;

import java.util.List;

/**
 * The document number as checked, where its check digit is, and the optional data left after it. In TD1 and TD2 a
 * number longer than 9 characters puts '&lt;' in the check digit position and continues at the start of the optional
 * data: the rest of the number, its check digit, then '&lt;' (Doc 9303 Part 5 and 6, note j).
 */
record DocumentNumber(String checked, char checkDigit, MrzPosition checkPosition, Field head, Field tail,
                      String optionalData) {

    /** The number as reported: without trailing fillers. */
    String value() {
        return Fillers.trimTrailing(checked);
    }

    /** Where character {@code index} of {@link #checked()} is printed. */
    MrzPosition positionOf(int index) {
        return index < head.length() ? head.positionOf(index) : tail.positionOf(index - head.length());
    }

    static DocumentNumber read(MrzLayout layout, List<String> lines) {
        Field head = layout.documentNumber();
        Field check = layout.documentNumberCheck();
        Field optional = layout.optionalData();
        String optionalRaw = optional.in(lines);
        boolean continued = layout.allowsLongDocumentNumber() && check.charIn(lines) == Fillers.FILLER
                && optionalRaw.charAt(0) != Fillers.FILLER;
        if (!continued) {
            return new DocumentNumber(head.in(lines), check.charIn(lines), check.position(), head,
                    new Field(head.name(), head.line(), head.column() + head.length(), 0),
                    Fillers.trimTrailing(optionalRaw));
        }
        int end = optionalRaw.indexOf(Fillers.FILLER);
        int extension = end < 0 ? optionalRaw.length() : end;
        Field tail = new Field(head.name(), optional.line(), optional.column(), extension - 1);
        String rest = end < 0 ? "" : optionalRaw.substring(end + 1);
        return new DocumentNumber(head.in(lines) + tail.in(lines), optionalRaw.charAt(extension - 1),
                optional.positionOf(extension - 1), head, tail, Fillers.trimTrailing(rest));
    }
}
