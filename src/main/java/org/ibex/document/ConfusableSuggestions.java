package org.ibex.document;

import java.util.function.IntFunction;

/** Finds the single O/0, I/1, B/8, S/5 or Z/2 misreading that would make a failed check digit pass. */
final class ConfusableSuggestions {
    private static final String CONFUSABLE = "O0I1B8S5Z2";
    private static final String COUNTERPART = "0O1I8B5S2Z";

    private ConfusableSuggestions() {
    }

    /** Suggests nothing when no swap or more than one swap passes: a choice between fixes is not a fix. */
    static void suggest(String field, String value, char printedCheck, IntFunction<MrzPosition> positionOf,
                        Findings out) {
        if (printedCheck < '0' || printedCheck > '9') {
            return;
        }
        int wanted = printedCheck - '0';
        int found = -1;
        String candidate = null;
        for (int i = 0; i < value.length(); i++) {
            int confusion = CONFUSABLE.indexOf(value.charAt(i));
            if (confusion < 0) {
                continue;
            }
            StringBuilder swapped = new StringBuilder(value);
            swapped.setCharAt(i, COUNTERPART.charAt(confusion));
            if (CheckDigit.computeOrNegative(swapped) == wanted) {
                if (candidate != null) {
                    return;
                }
                found = i;
                candidate = swapped.toString();
            }
        }
        if (candidate != null) {
            String original = Fillers.trimTrailing(value);
            String suggested = Fillers.trimTrailing(candidate);
            out.suggest(field, positionOf.apply(found), original, suggested, field + " '" + original
                    + "' fails its check digit " + printedCheck + "; reading '" + value.charAt(found) + "' as '"
                    + candidate.charAt(found) + "' gives '" + suggested + "', which passes");
        }
    }
}
