package org.ibex.biometrics;

import java.util.Objects;

/** A finger exception: the position that was not captured, why, and the officer's note (may be empty). */
public record MissingFinger(FingerPosition position, MissingReason reason, String note) {
    public MissingFinger {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(reason, "reason");
        note = note == null ? "" : note.strip();
        if (reason == MissingReason.OTHER && note.isEmpty()) {
            throw new IllegalArgumentException("a missing " + position.label()
                    + " with reason OTHER needs a note saying why; use AMPUTATED, INJURED_OR_BANDAGED or TOO_YOUNG when one fits");
        }
    }

    public MissingFinger(FingerPosition position, MissingReason reason) {
        this(position, reason, "");
    }
}
