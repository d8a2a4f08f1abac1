package org.ibex.document;

/** An unambiguous OCR repair that the parser applied, with the text before and after it. */
public record MrzRepair(String field, String rule, String message, MrzPosition position, String from, String to) {
}
