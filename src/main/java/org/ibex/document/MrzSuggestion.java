package org.ibex.document;

/** A correction the parser did not apply: one confusable character that would make a failed check digit pass. */
public record MrzSuggestion(String field, String message, MrzPosition position, String original, String suggested) {
}
