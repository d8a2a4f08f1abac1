package org.ibex.agreement;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * An agreement not yet signed, written as the file each party then signs: what {@code ibex agreement draft} and the
 * federation demo write, so both produce the file the reader expects.
 */
public record AgreementDraft(String id, int version, String title, List<Party> parties, LocalDate validFrom,
                             LocalDate validUntil, List<AgreementRule> rules) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public AgreementDraft {
        parties = List.copyOf(parties);
        rules = List.copyOf(rules);
    }

    /** The unsigned file; reading it back checks every rule of the format. */
    public byte[] write() {
        ObjectNode file = JSON.createObjectNode();
        file.set("agreement", body());
        file.putArray("signatures");
        return AgreementFile.write(file);
    }

    /** The draft as the reader sees it: INVALID naming the field when a value breaks a rule of the format. */
    public SignedAgreement read() throws AgreementException {
        return AgreementFile.read(write());
    }

    private ObjectNode body() {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", AgreementReader.SCHEMA).put("id", id).put("version", version).put("title", title);
        ArrayNode partyArray = body.putArray("parties");
        parties.forEach(p -> partyArray.add(p.toString()));
        body.put("validFrom", String.valueOf(validFrom)).put("validUntil", String.valueOf(validUntil));
        ArrayNode ruleArray = body.putArray("rules");
        for (AgreementRule rule : rules) {
            ObjectNode item = ruleArray.addObject();
            item.put("asker", rule.asker().toString()).put("answerer", rule.answerer().toString());
            ArrayNode queries = item.putArray("queries");
            rule.queries().stream().sorted().forEach(q -> queries.add(q.code()));
            ArrayNode purposes = item.putArray("purposes");
            rule.purposes().stream().sorted().forEach(purposes::add);
            ArrayNode categories = item.putArray("categories");
            rule.categories().stream().sorted(Comparator.naturalOrder()).forEach(c -> categories.add(c.code()));
            item.putObject("quota").put("perDay", rule.perDay()).put("perYear", rule.perYear());
            item.put("retentionDays", rule.retentionDays()).put("humanApproval", rule.humanApproval());
            // Written only when set, so a rule without them reads, and hashes, as it did before they existed.
            if (!rule.exclusions().isEmpty()) {
                rule.exclusions().stream().map(Exclusion::code).sorted().forEach(item.putArray("exclusions")::add);
            }
            if (rule.referenceHours() != AgreementRule.DEFAULT_REFERENCE_HOURS) {
                item.put("referenceHours", rule.referenceHours());
            }
        }
        return body;
    }

    /**
     * Reads one rule written as {@code asker=UTO/POL;answerer=UTO/IMM;queries=crossings;purposes=...;categories=hit;
     * per-day=100;per-year=10000;retention-days=90;approval=false}; the message names the key and the rule.
     */
    public static AgreementRule rule(String spec) {
        return RuleSpec.parse(spec);
    }
}
