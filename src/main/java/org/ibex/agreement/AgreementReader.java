package org.ibex.agreement;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.ibex.agreement.AgreementException.Kind.INVALID;

/** Reads the agreement object field by field, as {@code agreement.schema.json} describes it; errors name the field. */
final class AgreementReader {
    static final String SCHEMA = "ibex.agreement/1";
    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{1,59}");
    private static final int MAX_RULES = 50;
    private static final int MAX_PURPOSES = 20;

    private AgreementReader() {
    }

    static Agreement read(JsonNode body, String digest) throws AgreementException {
        onlyFields(body, "agreement", "schema", "id", "version", "title", "parties", "validFrom", "validUntil",
                "rules");
        String schema = text(body, "agreement", "schema", 40);
        if (!SCHEMA.equals(schema)) {
            throw invalid("agreement.schema", "must be " + SCHEMA + ", got '" + schema + "'");
        }
        String id = text(body, "agreement", "id", 64);
        if (!ID.matcher(id).matches()) {
            throw invalid("agreement.id", "must be 3 to 64 of A-Z, 0-9 and -, starting with a letter or digit");
        }
        int version = integer(body, "agreement", "version", 1, 1_000_000);
        String title = text(body, "agreement", "title", 200);
        List<Party> parties = list(body, "agreement", "parties", 2, 2, Party::parse);
        if (parties.get(0).equals(parties.get(1))) {
            throw invalid("agreement.parties", "must name two different parties");
        }
        LocalDate from = date(body, "agreement", "validFrom");
        LocalDate until = date(body, "agreement", "validUntil");
        if (until.isBefore(from)) {
            throw invalid("agreement.validUntil", "must not be before validFrom " + from);
        }
        JsonNode rules = body.get("rules");
        if (rules == null || !rules.isArray() || rules.isEmpty() || rules.size() > MAX_RULES) {
            throw invalid("agreement.rules", "must be an array of 1 to " + MAX_RULES + " rules");
        }
        List<AgreementRule> read = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            read.add(rule(rules.get(i), "agreement.rules[" + i + "]", parties));
        }
        return new Agreement(id, version, title, parties, from, until, read, digest);
    }

    private static AgreementRule rule(JsonNode rule, String path, List<Party> parties) throws AgreementException {
        if (rule == null || !rule.isObject()) {
            throw invalid(path, "must be an object");
        }
        onlyFields(rule, path, "asker", "answerer", "queries", "purposes", "categories", "quota", "retentionDays",
                "humanApproval", "exclusions", "referenceHours");
        Party asker = party(rule, path, "asker", parties);
        Party answerer = party(rule, path, "answerer", parties);
        if (asker.equals(answerer)) {
            throw invalid(path + ".answerer", "must be the other party, not the asker " + asker);
        }
        Set<QueryType> queries = new LinkedHashSet<>(list(rule, path, "queries", 1, QueryType.values().length,
                QueryType::parse));
        List<String> purposeList = list(rule, path, "purposes", 1, MAX_PURPOSES, p -> {
            if (!PURPOSE.matcher(p).matches()) {
                throw new IllegalArgumentException("'" + p + "' must be 2 to 60 of a-z, 0-9 and -, such as"
                        + " criminal-investigation");
            }
            return p;
        });
        Set<Category> categories = new LinkedHashSet<>(list(rule, path, "categories", 1, Category.values().length,
                Category::parse));
        JsonNode quota = rule.get("quota");
        if (quota == null || !quota.isObject()) {
            throw invalid(path + ".quota", "must be an object with perDay and perYear");
        }
        onlyFields(quota, path + ".quota", "perDay", "perYear");
        int perDay = integer(quota, path + ".quota", "perDay", 1, 1_000_000);
        int perYear = integer(quota, path + ".quota", "perYear", 1, 100_000_000);
        if (perYear < perDay) {
            throw invalid(path + ".quota.perYear", "must be at least perDay (" + perDay + ")");
        }
        int retention = integer(rule, path, "retentionDays", 1, 3650);
        JsonNode approval = rule.get("humanApproval");
        if (approval == null || !approval.isBoolean()) {
            throw invalid(path + ".humanApproval", "must be true or false");
        }
        Set<Exclusion> exclusions = rule.has("exclusions") ? new LinkedHashSet<>(list(rule, path, "exclusions", 0,
                Exclusion.values().length, Exclusion::parse)) : Set.of();
        int referenceHours = rule.has("referenceHours") ? integer(rule, path, "referenceHours", 1, 24 * 90)
                : AgreementRule.DEFAULT_REFERENCE_HOURS;
        return new AgreementRule(asker, answerer, queries, new LinkedHashSet<>(purposeList), categories, perDay,
                perYear, retention, approval.booleanValue(), exclusions, referenceHours);
    }

    static List<SignedAgreement.PartySignature> signatures(JsonNode array, Agreement agreement)
            throws AgreementException {
        if (array == null) {
            return List.of();
        }
        if (!array.isArray() || array.size() > agreement.parties().size()) {
            throw invalid("signatures", "must be an array of at most one signature per party");
        }
        List<SignedAgreement.PartySignature> signatures = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "signatures[" + i + "]";
            JsonNode item = array.get(i);
            if (item == null || !item.isObject()) {
                throw invalid(path, "must be an object with party and signature");
            }
            onlyFields(item, path, "party", "signature");
            Party party = party(item, path, "party", agreement.parties());
            if (signatures.stream().anyMatch(s -> s.party().equals(party))) {
                throw invalid(path + ".party", party + " has signed twice");
            }
            signatures.add(new SignedAgreement.PartySignature(party, text(item, path, "signature", 20_000)));
        }
        return signatures;
    }

    static void onlyFields(JsonNode node, String path, String... allowed) throws AgreementException {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid(join(path, name), "is not a field of " + (path.isEmpty() ? "the file" : path)
                        + "; expected " + String.join(", ", allowed));
            }
        }
    }

    private static Party party(JsonNode node, String path, String field, List<Party> parties)
            throws AgreementException {
        String text = text(node, path, field, 30);
        Party party;
        try {
            party = Party.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(join(path, field), e.getMessage());
        }
        if (!parties.contains(party)) {
            throw invalid(join(path, field), party + " is not one of the parties " + parties);
        }
        return party;
    }

    private static String text(JsonNode node, String path, String field, int max) throws AgreementException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw invalid(join(path, field), "must be a text of 1 to " + max + " characters");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String path, String field, int min, int max) throws AgreementException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min
                || value.asInt() > max) {
            throw invalid(join(path, field), "must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static LocalDate date(JsonNode node, String path, String field) throws AgreementException {
        String text = text(node, path, field, 10);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(join(path, field), "must be a date as YYYY-MM-DD, got '" + text + "'");
        }
    }

    private interface Reader<T> {
        T read(String text);
    }

    private static <T> List<T> list(JsonNode node, String path, String field, int min, int max, Reader<T> reader)
            throws AgreementException {
        JsonNode array = node.get(field);
        String at = join(path, field);
        if (array == null || !array.isArray() || array.size() < min || array.size() > max) {
            throw invalid(at, "must be an array of " + min + " to " + max + " texts");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual()) {
                throw invalid(at + "[" + i + "]", "must be a text");
            }
            try {
                T value = reader.read(item.asText());
                if (items.contains(value)) {
                    throw invalid(at + "[" + i + "]", "repeats '" + item.asText() + "'");
                }
                items.add(value);
            } catch (IllegalArgumentException e) {
                throw invalid(at + "[" + i + "]", e.getMessage());
            }
        }
        return items;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static AgreementException invalid(String field, String rule) {
        return new AgreementException(INVALID, field, field + " " + rule);
    }

}
