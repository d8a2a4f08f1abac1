package org.ibex.document;

/** An error in an MRZ: the reading field it concerns, a stable rule code, a readable message and where it is. */
public record MrzIssue(String field, String rule, String message, MrzPosition position) {
}
