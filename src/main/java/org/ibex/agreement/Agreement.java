package org.ibex.agreement;

import org.ibex.trust.NodeIdentity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What an agreement says, read from its signed file. {@code digest} is the SHA-256 of the agreement's canonical form,
 * which both ends compare so neither acts on a copy the other did not sign.
 */
public record Agreement(String id, int version, String title, List<Party> parties, LocalDate validFrom,
                        LocalDate validUntil, List<AgreementRule> rules, String digest) {
    public Agreement {
        parties = List.copyOf(parties);
        rules = List.copyOf(rules);
    }

    /** How envelopes and questions name it: {@code ID@vVERSION}. */
    public String reference() {
        return reference(id, version);
    }

    public static String reference(String id, int version) {
        return id + "@v" + version;
    }

    /** An agreement's id and version, as {@link #reference()} writes them. */
    public record Reference(String id, int version) {
        /** Reads {@code ID@vN}; empty for anything else. */
        public static java.util.Optional<Reference> parse(String reference) {
            int at = reference == null ? -1 : reference.lastIndexOf("@v");
            try {
                return at <= 0 ? java.util.Optional.empty() : java.util.Optional.of(new Reference(
                        reference.substring(0, at), Integer.parseInt(reference.substring(at + 2))));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** Whether {@code at} lies within the validity dates (UTC days, both included). */
    public boolean validAt(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public boolean isParty(NodeIdentity node) {
        return parties.stream().anyMatch(p -> p.covers(node));
    }

    /** The rules for questions from {@code asker} to {@code answerer}. */
    public List<AgreementRule> rulesBetween(NodeIdentity asker, NodeIdentity answerer) {
        return rules.stream().filter(r -> r.connects(asker, answerer)).toList();
    }
}
