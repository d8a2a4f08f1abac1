package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stay rules changed at run time by an administrator: checked, stored and logged in one transaction. The node reads
 * the stored rules again within seconds, so new stay computations use the change; recorded crossings are untouched.
 */
public final class StayRules {
    /** Ten years: a longer limit is a typing error, not a policy. */
    public static final int MAX_DAYS = 3650;
    /** An ICAO 9303 nationality: one to three letters (D for Germany, THA for Thailand). */
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{1,3}");
    private static final Pattern PERMIT_TYPE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,39}");
    private final Database database;
    private final AccessLog accessLog;

    public StayRules(Database database, AccessLog accessLog) {
        this.database = database;
        this.accessLog = accessLog;
    }

    /** A rule and its key as typed: blank nationality or permit type means "any"; numbers as text. */
    public record Input(String nationality, String permitType, String kind, String days, String windowDays) {
    }

    /**
     * The rules as stored now, most recent last: what the node applies from its next reading on, a few seconds at
     * most, while {@link StayService#policy()} is what it applied last.
     */
    public Map<StayRuleKey, StayRule> stored() {
        return new StayRuleRepository(database).all();
    }

    /** Checks the input and replaces the rule for its key; every broken rule is reported at once. */
    public StayRuleKey put(Actor actor, Input input) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        StayRuleKey key = key(input.nationality(), input.permitType(), problems);
        StayRule rule = rule(input, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        database.inTransaction(connection -> {
            StayRuleRepository.put(connection, key, rule);
            accessLog.record(connection, AccessLog.Access.by(actor, "stay-rule.put", subject(key) + " " + rule.kind()
                    + " days=" + rule.days() + " window=" + rule.windowDays()));
            return null;
        });
        return key;
    }

    /** Removes the rule for a key, so the next more general rule (or the default) applies. */
    public void remove(Actor actor, String nationality, String permitType) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        StayRuleKey key = key(nationality, permitType, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        database.inTransaction(connection -> {
            if (StayRuleRepository.remove(connection, key) == 0) {
                throw new NotFoundException("no stay rule for " + subject(key));
            }
            accessLog.record(connection, AccessLog.Access.by(actor, "stay-rule.remove", subject(key)));
            return null;
        });
    }

    private static StayRuleKey key(String nationality, String permitType, List<InvalidInputException.Problem> problems) {
        String n = blankToNull(nationality);
        String p = blankToNull(permitType);
        if (n != null && !NATIONALITY.matcher(n).matches()) {
            problems.add(new InvalidInputException.Problem("nationality", "format",
                    "nationality must be an ICAO code of 1 to 3 letters, or blank for any"));
        }
        if (p != null && !PERMIT_TYPE.matcher(p).matches()) {
            problems.add(new InvalidInputException.Problem("permitType", "format",
                    "permitType must be 1 to 40 characters of A-Z, 0-9, '.', '_' and '-', or blank for any"));
        }
        return new StayRuleKey(n, p);
    }

    private static StayRule rule(Input input, List<InvalidInputException.Problem> problems) {
        StayRule.Kind kind;
        try {
            kind = StayRule.Kind.valueOf(input.kind() == null ? "" : input.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.Problem("kind", "unknown",
                    "kind must be EXEMPT, FIXED_PER_ENTRY, ROLLING or VISA"));
            return null;
        }
        boolean counted = kind == StayRule.Kind.FIXED_PER_ENTRY || kind == StayRule.Kind.ROLLING;
        int days = counted ? days("days", input.days(), 1, problems) : 0;
        int window = kind == StayRule.Kind.ROLLING ? days("windowDays", input.windowDays(), 1, problems) : 0;
        if (kind == StayRule.Kind.ROLLING && days > 0 && window > 0 && window < days) {
            problems.add(new InvalidInputException.Problem("windowDays", "below-days",
                    "windowDays must be at least days (" + days + ")"));
        }
        return problems.isEmpty() ? StayPolicy.configured(kind, days, window) : null;
    }

    /** A whole number of days in 1..MAX_DAYS, or 0 with the problem recorded. */
    private static int days(String field, String text, int min, List<InvalidInputException.Problem> problems) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > MAX_DAYS) {
            problems.add(new InvalidInputException.Problem(field, "range",
                    field + " must be a whole number from " + min + " to " + MAX_DAYS));
            return 0;
        }
        return Integer.parseInt(value);
    }

    private static String subject(StayRuleKey key) {
        return "stay-rule/" + (key.nationality() == null ? "*" : key.nationality()) + "/"
                + (key.permitType() == null ? "*" : key.permitType());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }
}
