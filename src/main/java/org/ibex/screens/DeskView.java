package org.ibex.screens;

import org.ibex.border.Assessment;
import org.ibex.border.Crossing;
import org.ibex.border.Direction;
import org.ibex.document.MrzReading;

import java.util.List;

/**
 * The inspection desk as shown: the form's uid and direction, the MRZ typed, the reading and assessment once it is
 * read, the crossing just recorded ({@code duplicate} when a retry found it stored), whether fingers came with the
 * assessment ({@code prints}, kept for its confirmation) and the officer's latest ones.
 */
public record DeskView(String uid, Direction direction, String mrz, MrzView reading, Assessment assessment,
                       Crossing recorded, boolean duplicate, boolean prints, List<Crossing> recent) {
    static DeskView fresh(String uid, Direction direction, Crossing recorded, List<Crossing> recent) {
        return new DeskView(uid, direction, "", null, null, recorded, false, false, recent);
    }

    public boolean entry() {
        return direction == Direction.ENTRY;
    }

    /** True when the assessment found the uid recorded already: the officer sees that crossing, not a new proposal. */
    public boolean alreadyRecorded() {
        return assessment != null && assessment.recorded() != null;
    }

    /** The reading's and the assessment's findings in the officer's language. */
    public InspectionWords words(Texts t) {
        MrzReading read = reading == null ? null : reading.reading();
        return new InspectionWords(t, assessment == null ? InspectionWords.Facts.of(read)
                : InspectionWords.Facts.of(assessment, read));
    }

    public boolean proposal() {
        return assessment != null && assessment.outcome() != null;
    }

    /** The decisions an officer may choose instead of the proposal. */
    public List<String> alternatives() {
        String proposed = proposal() ? assessment.outcome().decision().name() : "";
        return java.util.stream.Stream.of("ADMIT", "REFER", "REFUSE").filter(d -> !d.equals(proposed)).toList();
    }

    /** A decision as a CSS class: green admit, amber refer, red refuse. */
    public static String tone(Object decision) {
        return switch (String.valueOf(decision)) {
            case "ADMIT", "PASS" -> "ok";
            case "REFER", "WARN" -> "warn";
            case "REFUSE", "FAIL" -> "error";
            default -> "";
        };
    }
}
