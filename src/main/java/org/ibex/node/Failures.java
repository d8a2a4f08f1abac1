package org.ibex.node;

/** How a failure reads to an operator: its message, or its kind when it has none. */
public final class Failures {
    private Failures() {
    }

    public static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
