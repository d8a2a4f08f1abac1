package org.ibex.border;

/** Why a decision is what it is: a stable code for machines and a sentence for the officer. */
public record Reason(String code, Decision leadsTo, String message) {
}
