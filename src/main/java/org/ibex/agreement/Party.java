package org.ibex.agreement;

import org.ibex.trust.NodeIdentity;

import java.util.regex.Pattern;

/**
 * A party to an agreement: a state ({@code XXB}) or one agency of a state ({@code UTO/POL}). It covers the nodes
 * whose ids start with it, so an agency's headquarters and its posts act under the agency's agreements.
 */
public record Party(String state, String agency) {
    private static final Pattern FORM = Pattern.compile("[A-Z]{3}(/[A-Z0-9-]{1,20})?");

    /** Reads {@code STATE} or {@code STATE/AGENCY}. */
    public static Party parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("a party is a state such as XXB or an agency such as UTO/POL, got '"
                    + text + "'");
        }
        int slash = text.indexOf('/');
        return slash < 0 ? new Party(text, null) : new Party(text.substring(0, slash), text.substring(slash + 1));
    }

    public boolean covers(NodeIdentity node) {
        return node.state().equals(state) && (agency == null || agency.equals(node.agency()));
    }

    @Override
    public String toString() {
        return agency == null ? state : state + "/" + agency;
    }
}
