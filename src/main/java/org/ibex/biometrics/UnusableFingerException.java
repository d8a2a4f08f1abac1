package org.ibex.biometrics;

/** A capture refused because the finger's quality is too low to match; the message says what to do instead. */
public final class UnusableFingerException extends IllegalArgumentException {
    private final FingerPosition position;
    private final transient FingerQuality quality;

    UnusableFingerException(FingerPosition position, FingerQuality quality) {
        super(position.label() + " refused: " + String.join("; ", quality.problems())
                + ". Clean the finger and the scanner, press flat and capture again; if the finger cannot give a print,"
                + " record it as missing with a reason (amputated, injured or bandaged, too young, other)");
        this.position = position;
        this.quality = quality;
    }

    public FingerPosition position() {
        return position;
    }

    public FingerQuality quality() {
        return quality;
    }
}
