package org.ibex.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Parses an ICAO Doc 9303 machine readable zone (TD1, TD2, TD3, MRV-A, MRV-B), repairing unambiguous OCR damage.
 * Throws {@link MrzInputException} only for text that cannot be an MRZ; every other problem is an error in the reading.
 */
public final class MrzParser {
    private final Clock clock;

    /** The clock decides the century of two-digit years. */
    public MrzParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public MrzReading parse(String text) {
        Findings findings = new Findings();
        List<String> rawLines = InputGuard.lines(text, findings);
        MrzNormaliser.Normalised mrz = MrzNormaliser.normalise(rawLines, findings);
        MrzLayout layout = MrzLayout.of(mrz.format());
        List<String> lines = CharacterRepairs.apply(mrz.lines(), layout, findings);
        DocumentNumber number = DocumentNumber.read(layout, lines);
        MrzFields fields = new MrzFieldReader(new DateField(LocalDate.now(clock))).read(layout, lines, number, findings);
        CheckDigitVerifier.verify(layout, lines, number, findings);
        return reading(mrz.format(), fields, lines, findings);
    }

    private static MrzReading reading(MrzFormat format, MrzFields f, List<String> lines, Findings findings) {
        return new MrzReading(MrzReading.validity(findings.errors()), format, f.documentCode(), f.issuingState(),
                f.surname(), f.givenNames(), f.documentNumber(), f.nationality(), f.dateOfBirth(), f.dateOfExpiry(),
                f.sex(), f.optionalData(), f.optionalData2(), lines, findings.errors(), findings.repairs(),
                findings.suggestions());
    }
}
