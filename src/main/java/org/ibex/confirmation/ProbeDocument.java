package org.ibex.confirmation;

import org.ibex.input.FieldRuleException;

import java.util.regex.Pattern;

/** A travel document asked about in a lost-or-stolen probe: its issuing state and its number, as printed. */
public record ProbeDocument(String issuingState, String number) {
    private static final Pattern STATE = Pattern.compile("[A-Z]{3}");
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9<]{1,20}");

    public ProbeDocument {
        if (issuingState == null || !STATE.matcher(issuingState).matches()) {
            throw new FieldRuleException("document.issuingState", "format", "document.issuingState must be three"
                    + " capital letters (ICAO 9303), such as UTO");
        }
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new FieldRuleException("document.number", "format", "document.number must be 1 to 20 of A-Z and"
                    + " 0-9, as in the MRZ");
        }
    }

    @Override
    public String toString() {
        return issuingState + " " + number;
    }
}
