package org.ibex.trust;

import org.ibex.country.Countries;

import java.util.Optional;
import java.util.regex.Pattern;

/** The id of a federation node, {@code STATE/AGENCY/UNIT} such as {@code UTO/IMM/POST-ARL}. */
public record NodeIdentity(String state, String agency, String unit) {
    /** Prefix of the SAN URI that carries the node id in a node certificate. */
    public static final String URI_PREFIX = "urn:ibex:node:";

    private static final Pattern STATE = Pattern.compile("[A-Z]{3}");
    private static final Pattern PART = Pattern.compile("[A-Z0-9-]{1,20}");

    public NodeIdentity {
        require(state, "state", STATE, "3 uppercase letters");
        // The codes travel documents carry: ISO 3166-1 alpha-3 and ICAO's own, such as UTO, ICAO's specimen state.
        if (!Countries.isKnown(state)) {
            throw new IllegalArgumentException("node id state '" + state
                    + "' is not an ISO 3166 alpha-3 country code (or ICAO code such as UTO)");
        }
        require(agency, "agency", PART, "1 to 20 characters of A-Z, 0-9 and -");
        require(unit, "unit", PART, "1 to 20 characters of A-Z, 0-9 and -");
    }

    /** Parses {@code STATE/AGENCY/UNIT}; the message names the part and the rule it broke. */
    public static NodeIdentity parse(String id) {
        if (id == null) {
            throw new IllegalArgumentException("node id is missing: expected STATE/AGENCY/UNIT such as UTO/IMM/POST-ARL");
        }
        String[] parts = id.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("node id '" + id
                    + "' must have three parts STATE/AGENCY/UNIT separated by '/', such as UTO/IMM/POST-ARL");
        }
        return new NodeIdentity(parts[0], parts[1], parts[2]);
    }

    /** The node id carried by a SAN URI, empty when the URI is not a well-formed node URI. */
    public static Optional<NodeIdentity> fromUri(String uri) {
        if (uri == null || !uri.startsWith(URI_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(uri.substring(URI_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String uri() {
        return URI_PREFIX + this;
    }

    @Override
    public String toString() {
        return state + "/" + agency + "/" + unit;
    }

    private static void require(String value, String part, Pattern rule, String ruleText) {
        if (value == null || !rule.matcher(value).matches()) {
            throw new IllegalArgumentException("node id " + part + " '" + value + "' must be " + ruleText);
        }
    }
}
