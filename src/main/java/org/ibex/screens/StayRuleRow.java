package org.ibex.screens;

/** One row of the stay rules table: the key (blank for any), the rule in the user's words, and where to edit it. */
public record StayRuleRow(String nationality, String permitType, String rule, String editHref) {
}
