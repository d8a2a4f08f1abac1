package org.ibex.biometrics;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fingers of one person at one capture: a template per captured position and an exception per missing one. */
public final class FingerSet {
    private final Map<FingerPosition, FingerTemplate> captured;
    private final Map<FingerPosition, MissingFinger> missing;

    private FingerSet(Map<FingerPosition, FingerTemplate> captured, Map<FingerPosition, MissingFinger> missing) {
        this.captured = captured;
        this.missing = missing;
    }

    public static FingerSet of(Collection<FingerTemplate> templates, Collection<MissingFinger> exceptions) {
        Map<FingerPosition, FingerTemplate> captured = new EnumMap<>(FingerPosition.class);
        for (FingerTemplate template : templates) {
            if (captured.put(template.position(), template) != null) {
                throw new IllegalArgumentException("two templates for the " + template.position().label()
                        + "; keep the better capture only");
            }
        }
        Map<FingerPosition, MissingFinger> missing = new EnumMap<>(FingerPosition.class);
        for (MissingFinger exception : exceptions) {
            if (captured.containsKey(exception.position()) || missing.put(exception.position(), exception) != null) {
                throw new IllegalArgumentException("the " + exception.position().label()
                        + " is recorded twice (captured or missing); record each position once");
            }
        }
        return new FingerSet(captured, missing);
    }

    public static FingerSet of(FingerTemplate... templates) {
        return of(List.of(templates), List.of());
    }

    public Optional<FingerTemplate> template(FingerPosition position) {
        return Optional.ofNullable(captured.get(position));
    }

    public Optional<MissingFinger> missing(FingerPosition position) {
        return Optional.ofNullable(missing.get(position));
    }

    /** Captured positions in code order. */
    public List<FingerPosition> capturedPositions() {
        return List.copyOf(captured.keySet());
    }

    /** Recorded exceptions in code order. */
    public List<MissingFinger> exceptions() {
        return List.copyOf(missing.values());
    }

    @Override
    public String toString() {
        return "FingerSet[captured " + captured.keySet() + ", missing " + missing.keySet() + "]";
    }
}
